"""initial schema

Revision ID: 0001
Revises: (none)
Create Date: 2026-11-25

Documents (with MinHash bands for near-duplicates), mentions, event reports, aggregated
events and relations.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('aggregates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_type', sa.String(length=16), nullable=False),
    sa.Column('cameo', sa.String(length=4), nullable=False),
    sa.Column('mode', sa.String(length=32), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=True),
    sa.Column('target', sa.String(length=16), nullable=True),
    sa.Column('symmetric', sa.Boolean(), nullable=False),
    sa.Column('negated', sa.Boolean(), nullable=False),
    sa.Column('modality', sa.String(length=16), nullable=False),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('date_precision', sa.String(length=8), nullable=True),
    sa.Column('place', sa.String(length=256), nullable=True),
    sa.Column('country', sa.String(length=3), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('quad_class', sa.Integer(), nullable=False),
    sa.Column('goldstein', sa.Float(), nullable=False),
    sa.Column('num_mentions', sa.Integer(), nullable=False),
    sa.Column('num_articles', sa.Integer(), nullable=False),
    sa.Column('num_sources', sa.Integer(), nullable=False),
    sa.Column('first_seen', sa.String(length=10), nullable=True),
    sa.Column('last_seen', sa.String(length=10), nullable=True),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('aggregates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_aggregates_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_aggregates_event_type'), ['event_type'], unique=False)
        batch_op.create_index('ix_aggregates_pair', ['source', 'target'], unique=False)
        batch_op.create_index(batch_op.f('ix_aggregates_source'), ['source'], unique=False)
        batch_op.create_index(batch_op.f('ix_aggregates_target'), ['target'], unique=False)

    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('name', sa.String(length=512), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=True),
    sa.Column('published', sa.String(length=10), nullable=True),
    sa.Column('source', sa.String(length=1024), nullable=False),
    sa.Column('url', sa.String(length=2048), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('folded', sa.Text(), nullable=False),
    sa.Column('messages', sa.JSON(), nullable=False),
    sa.Column('lexicon', sa.String(length=32), nullable=False),
    sa.Column('minhash', sa.LargeBinary(), nullable=True),
    sa.Column('duplicate_of', sa.Integer(), nullable=True),
    sa.Column('similarity', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['duplicate_of'], ['documents.id'], ),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_documents_duplicate_of'), ['duplicate_of'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_published'), ['published'], unique=False)
        batch_op.create_index(batch_op.f('ix_documents_sha256'), ['sha256'], unique=True)

    op.create_table('document_bands',
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('band', sa.Integer(), nullable=False),
    sa.Column('hash', sa.String(length=16), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('document_id', 'band')
    )
    with op.batch_alter_table('document_bands', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_document_bands_hash'), ['hash'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('aggregate_id', sa.Integer(), nullable=True),
    sa.Column('event_type', sa.String(length=16), nullable=False),
    sa.Column('cameo', sa.String(length=4), nullable=False),
    sa.Column('mode', sa.String(length=32), nullable=False),
    sa.Column('source', sa.String(length=16), nullable=True),
    sa.Column('source_actor', sa.JSON(), nullable=True),
    sa.Column('target', sa.String(length=16), nullable=True),
    sa.Column('target_actor', sa.JSON(), nullable=True),
    sa.Column('reported_by', sa.String(length=16), nullable=True),
    sa.Column('symmetric', sa.Boolean(), nullable=False),
    sa.Column('date', sa.String(length=10), nullable=True),
    sa.Column('date_precision', sa.String(length=8), nullable=True),
    sa.Column('negated', sa.Boolean(), nullable=False),
    sa.Column('modality', sa.String(length=16), nullable=False),
    sa.Column('location', sa.JSON(), nullable=True),
    sa.Column('sentence', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('trigger', sa.String(length=256), nullable=False),
    sa.Column('rule', sa.String(length=256), nullable=False),
    sa.Column('merge_reason', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['aggregate_id'], ['aggregates.id'], ),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_events_aggregate_id'), ['aggregate_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_date'), ['date'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_event_type'), ['event_type'], unique=False)
        batch_op.create_index('ix_events_pair', ['source', 'target'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_source'), ['source'], unique=False)
        batch_op.create_index(batch_op.f('ix_events_target'), ['target'], unique=False)

    op.create_table('mentions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('sentence', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('code', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('name', sa.String(length=256), nullable=False),
    sa.Column('role', sa.String(length=128), nullable=False),
    sa.Column('sector', sa.String(length=8), nullable=False),
    sa.Column('rule', sa.String(length=256), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_mentions_code'), ['code'], unique=False)
        batch_op.create_index(batch_op.f('ix_mentions_document_id'), ['document_id'], unique=False)

    op.create_table('relations',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('type', sa.String(length=32), nullable=False),
    sa.Column('subject', sa.String(length=16), nullable=False),
    sa.Column('object', sa.String(length=16), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.Column('since', sa.String(length=10), nullable=True),
    sa.Column('until', sa.String(length=10), nullable=True),
    sa.Column('sentence', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('evidence', sa.Text(), nullable=False),
    sa.Column('rule', sa.String(length=256), nullable=False),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    with op.batch_alter_table('relations', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_relations_document_id'), ['document_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_relations_object'), ['object'], unique=False)
        batch_op.create_index(batch_op.f('ix_relations_subject'), ['subject'], unique=False)
        batch_op.create_index(batch_op.f('ix_relations_type'), ['type'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('relations', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_relations_type'))
        batch_op.drop_index(batch_op.f('ix_relations_subject'))
        batch_op.drop_index(batch_op.f('ix_relations_object'))
        batch_op.drop_index(batch_op.f('ix_relations_document_id'))

    op.drop_table('relations')
    with op.batch_alter_table('mentions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_mentions_document_id'))
        batch_op.drop_index(batch_op.f('ix_mentions_code'))

    op.drop_table('mentions')
    with op.batch_alter_table('events', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_events_target'))
        batch_op.drop_index(batch_op.f('ix_events_source'))
        batch_op.drop_index('ix_events_pair')
        batch_op.drop_index(batch_op.f('ix_events_event_type'))
        batch_op.drop_index(batch_op.f('ix_events_document_id'))
        batch_op.drop_index(batch_op.f('ix_events_date'))
        batch_op.drop_index(batch_op.f('ix_events_aggregate_id'))

    op.drop_table('events')
    with op.batch_alter_table('document_bands', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_document_bands_hash'))

    op.drop_table('document_bands')
    with op.batch_alter_table('documents', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_documents_sha256'))
        batch_op.drop_index(batch_op.f('ix_documents_published'))
        batch_op.drop_index(batch_op.f('ix_documents_duplicate_of'))

    op.drop_table('documents')
    with op.batch_alter_table('aggregates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_aggregates_target'))
        batch_op.drop_index(batch_op.f('ix_aggregates_source'))
        batch_op.drop_index('ix_aggregates_pair')
        batch_op.drop_index(batch_op.f('ix_aggregates_event_type'))
        batch_op.drop_index(batch_op.f('ix_aggregates_date'))

    op.drop_table('aggregates')
