"""The evidence graph's tables, on the store's one ``metadata``: entities across documents,
analysts' judgements, claims, and alert rules with what they fired.

Canonical entities, their members and claims are derived: :func:`sanctionwatch.jobs.resolve_graph`
rebuilds them from the extractions. Judgements and alert state are kept: they refer to
entities and claims by stable keys (``list:un_sc:KPi.076``, ``name:Person:choe hui son``,
``country:kp``; a claim's ``key``), never by row ids, so they survive every rebuild.
"""

from __future__ import annotations

import sqlalchemy as sa

from sanctionwatch.store._schema import metadata

__all__ = [
    "alert_log",
    "alert_rules",
    "alert_runs",
    "canonical_entities",
    "claim_events",
    "claim_parties",
    "claims",
    "entity_resolution",
    "judgements",
]

_TS = sa.DateTime(timezone=True)
_KEY = sa.String(600)

canonical_entities = sa.Table(
    "canonical_entities",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("key", _KEY, nullable=False, unique=True),
    sa.Column("type", sa.String(16), nullable=False, index=True),
    sa.Column("name", sa.Text, nullable=False),
    sa.Column("dataset", sa.String(64)),
    sa.Column("list_id", sa.String(128)),
    sa.Column("listings", sa.JSON, nullable=False),
    sa.Column("countries", sa.JSON, nullable=False),
    sa.Column("names", sa.JSON, nullable=False),
)

entity_resolution = sa.Table(
    "entity_resolution",
    metadata,
    sa.Column(
        "entity_id",
        sa.Integer,
        sa.ForeignKey("entities.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column(
        "canonical_id",
        sa.Integer,
        sa.ForeignKey("canonical_entities.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("method", sa.String(16), nullable=False),
)

judgements = sa.Table(
    "judgements",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("kind", sa.String(16), nullable=False),
    sa.Column("subject", _KEY, nullable=False),
    sa.Column("object", _KEY),
    sa.Column("author", sa.String(128), nullable=False),
    sa.Column("created_at", _TS, nullable=False),
    sa.Column("reason", sa.Text, nullable=False),
)

claims = sa.Table(
    "claims",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("key", sa.String(64), nullable=False, unique=True),
    sa.Column("type", sa.String(16), nullable=False),
    sa.Column("mode", sa.String(32)),
    sa.Column("title", sa.Text, nullable=False),
    sa.Column("summary", sa.Text, nullable=False),
    sa.Column("items", sa.JSON, nullable=False),
    sa.Column("first_seen", sa.String(10)),
    sa.Column("last_seen", sa.String(10)),
    sa.Column("supporters", sa.Integer, nullable=False),
    sa.Column("deniers", sa.Integer, nullable=False),
    sa.Column("modalities", sa.JSON, nullable=False),
    sa.Column("sources", sa.JSON, nullable=False),
    sa.Column("flagged", sa.Boolean, nullable=False, index=True),
    sa.Column("rank", sa.Float, nullable=False),
    sa.Column("flags", sa.JSON, nullable=False),
)

claim_events = sa.Table(
    "claim_events",
    metadata,
    sa.Column(
        "claim_id",
        sa.Integer,
        sa.ForeignKey("claims.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column(
        "event_id",
        sa.Integer,
        sa.ForeignKey("events.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
    sa.Column("stance", sa.String(8), nullable=False),
)

claim_parties = sa.Table(
    "claim_parties",
    metadata,
    sa.Column(
        "claim_id",
        sa.Integer,
        sa.ForeignKey("claims.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column(
        "canonical_id",
        sa.Integer,
        sa.ForeignKey("canonical_entities.id", ondelete="CASCADE"),
        primary_key=True,
        index=True,
    ),
    sa.Column("role", sa.String(16), primary_key=True),
)

alert_rules = sa.Table(
    "alert_rules",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("name", sa.String(128), nullable=False, unique=True),
    sa.Column("type", sa.String(32), nullable=False),
    sa.Column("params", sa.JSON, nullable=False),
    sa.Column("channel", sa.String(16), nullable=False),
    sa.Column("target", sa.Text),
    sa.Column("created_at", _TS, nullable=False),
)

alert_runs = sa.Table(
    "alert_runs",
    metadata,
    sa.Column(
        "rule_id",
        sa.Integer,
        sa.ForeignKey("alert_rules.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    sa.Column("last_run_at", _TS, nullable=False),
    sa.Column("last_log_id", sa.Integer, nullable=False),
    sa.Column("last_change_id", sa.Integer, nullable=False),
)

alert_log = sa.Table(
    "alert_log",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column(
        "rule_id",
        sa.Integer,
        sa.ForeignKey("alert_rules.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    sa.Column("item", sa.String(700), nullable=False),
    sa.Column("payload", sa.JSON, nullable=False),
    sa.Column("status", sa.String(16), nullable=False),
    sa.Column("attempts", sa.Integer, nullable=False),
    sa.Column("message", sa.Text),
    sa.Column("created_at", _TS, nullable=False),
    sa.Column("delivered_at", _TS),
    sa.UniqueConstraint("rule_id", "item"),
)
