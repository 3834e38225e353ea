"""Language modules: one per language behind one interface (`base.Language`)."""

from litopys.lang.base import Language, analyse_document, get_language, supported_languages

__all__ = ["Language", "analyse_document", "get_language", "supported_languages"]
