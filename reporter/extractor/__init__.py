"""The extractor: one SourceDoc in, one Record out, every value with its evidence.

record = extract(read("seeds/seed.txt"), load_schema())
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from ..fingerprint import fingerprint as _fingerprint
from ..fingerprint import pack as _pack
from ..model import Found, Record, SourceDoc
from ..schema import Schema
from .context import Context
from .lexicon import load_lexicon
from .rules import RULE_ORDER, RULES


def extract(
    doc: SourceDoc, schema: Schema, *, ref_date: dt.date | None = None, templates: Path | str | None = None
) -> Record:
    """Fill every field of the schema from one document."""
    lexicon = load_lexicon(str(templates) if templates else None)
    ctx = Context(doc, schema, ref_date=ref_date, userdicts=lexicon.userdicts, lexicon=lexicon)
    for key in RULE_ORDER:
        ctx.found[key] = _dedupe(RULES[key](ctx))
    fields = {spec.key: tuple(ctx.found.get(spec.key, ())) for spec in schema.fields}
    for spec in schema.fields:
        if not spec.is_list:
            fields[spec.key] = fields[spec.key][:1]
    return Record(
        path=doc.path,
        sha256=doc.sha256,
        chars=len(doc.text),
        fields=fields,
        review=tuple(r for r in ctx.review if r.field in fields),
        reader=doc.reader,
        encoding=doc.encoding,
        warnings=doc.warnings,
        fingerprint=_pack(_fingerprint(doc.body)),
        text=doc.text,
    )


def _dedupe(items: list[Found]) -> list[Found]:
    seen = set()
    out = []
    for item in items:
        if item.value in seen:
            continue
        seen.add(item.value)
        out.append(item)
    return out


__all__ = ["RULES", "RULE_ORDER", "Context", "extract"]
