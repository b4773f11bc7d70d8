#!/usr/bin/env python3
"""Writes the bad-input corpus next to this script: every file is small and broken on
purpose (the 2 MB line and the 10,000-deep nestings are the exceptions in size).

Run it again after changing a case; `tests/bad_inputs.rs` reads each file through the path
the page uses and checks it against `expected.json`. Binary cases are written as bytes.
"""

import os
import random
import struct
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
FILES = {}


def put(name, content):
    assert name not in FILES, name
    FILES[name] = content.encode("utf-8") if isinstance(content, str) else content


GOOD_TEXT = (
    "Title: Login outage\n"
    "\n"
    "Timeline:\n"
    "- 10:00 Alert fired\n"
    "- 10:20 Cache flushed\n"
)

# --- truncated ------------------------------------------------------------------------------
put("truncated-json-mid-string.json",
    '{\n  "title": "DB outage",\n  "timeline": [\n'
    '    {"at": "2024-01-15T10:00:00Z", "text": "Alert fi')
put("truncated-json-mid-number.json",
    '{\n  "title": "DB outage",\n  "impact": {"affected_users_percent": 4')
put("truncated-json-after-key.json", '{\n  "title": "DB outage",\n  "summary":')
put("truncated-toml-mid-value.toml",
    'title = "DB outage"\n\n[[timeline]]\nat = "2024-01-15T10:0')
put("truncated-toml-mid-table.toml", 'title = "DB outage"\n\n[[timel')
put("truncated-yaml-mid-value.yaml",
    'title: DB outage\ntimeline:\n  - at: 2024-01-15T10:00:00Z\n    text: "Alert fi')
put("truncated-yaml-mid-flow.yaml",
    'title: DB outage\ntags: [db, cache')
put("truncated-markdown-table-mid-row.md",
    "# DB outage\n\n## Timeline\n\n- 10:00 Alert fired\n\n## Action items\n\n"
    "| Task | Owner | Priority |\n|---|---|---|\n| Add a canary | bob | P1 |\n| Alert on cache")
put("truncated-text-mid-timeline-line.txt",
    "Title: DB outage\n\nTimeline:\n10:00 Alert fired\n10:20 Cache flushed\n10:4")

# --- binary ---------------------------------------------------------------------------------
png = b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + struct.pack(">IIBBBBB", 1, 1, 8, 2, 0, 0, 0)
png += struct.pack(">I", zlib.crc32(png[12:29]))
put("binary-image.png", png + b"\x00\x00\x00\x00IEND\xaeB`\x82")
put("binary-document.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n")
put("binary-archive.zip", b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00[Content_Types].xml")
put("binary-compressed.txt.gz", b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03" + zlib.compress(GOOD_TEXT.encode())[2:])
rng = random.Random(1234)
noise = bytes(rng.randrange(256) for _ in range(512))
put("binary-random-with-nuls.txt", noise[:100] + b"\x00\x00\x00" + noise[100:])
put("binary-image-named.md", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01")
put("binary-utf32.txt", b"\xff\xfe\x00\x00" + GOOD_TEXT.encode("utf-32-le"))

# --- encodings: each also holds one defect, to show positions survive the decoding -------------
BAD_TIME = "Title: Café outage – “quoted”\n\nTimeline:\n- 10:00 Alert fired\n- 10:61 Cache flushed\n"
put("encoding-utf8-bom.json",
    b"\xef\xbb\xbf" + '{"title": "Café", "timeline": "10:00 Alert"}'.encode())
put("encoding-utf16le-bom.txt", b"\xff\xfe" + BAD_TIME.encode("utf-16-le"))
put("encoding-utf16be-bom.txt", b"\xfe\xff" + BAD_TIME.encode("utf-16-be"))
put("encoding-utf16le-no-bom.txt", BAD_TIME.encode("utf-16-le"))
put("encoding-utf16be-no-bom.txt", BAD_TIME.encode("utf-16-be"))
put("encoding-windows-1252.txt",
    "Title: Caf\xe9 outage \x93quoted\x94\n\nTimeline:\n- 10:00 Alert fired\n- 10:61 Cache flushed\n"
    .encode("latin-1"))
put("encoding-invalid-utf8-mid-file.md",
    "# Café outage\n\n## Timeline\n\n- 10:00 Alert fired — pager\n".encode()
    + b"- 10:20 Cache \xff\xfe flushed\n- 10:30 Service restored\n")
put("encoding-utf8-bom-invalid-bytes.txt",
    b"\xef\xbb\xbf" + "Title: Café\n\nTimeline:\n- 10:00 Alert\n".encode()
    + b"- 10:20 Cache \xc3\x28 flushed\n")
put("encoding-utf16le-bom-lone-surrogate.txt",
    b"\xff\xfe" + "Title: Outage\n\nTimeline:\n- 10:00 Alert ".encode("utf-16-le")
    + b"\x3d\xd8" + " fired\n".encode("utf-16-le"))

# --- huge and deep --------------------------------------------------------------------------
put("huge-single-line.txt", "Title: " + "x" * (2 * 1024 * 1024) + "\n")
put("huge-single-line-timeline.md",
    "# Outage\n\n## Timeline\n\n- 10:00 " + "word " * (2 * 1024 * 1024 // 5) + "\n- 25:00 Restart\n")
put("deep-json-arrays.json", '{"title": "Deep", "timeline": ' + "[" * 10000 + "]" * 10000 + "}")
put("deep-json-objects.json", '{"title": "Deep", "impact": ' + '{"a":' * 10000 + "1" + "}" * 10000 + "}")
put("deep-markdown-lists.md", "# Deep lists\n\n## Timeline\n\n- 10:00 Alert\n\n## Notes\n\n" + "- " * 10000 + "bottom\n")
put("deep-markdown-quotes.md", "# Deep quotes\n\n## Timeline\n\n- 10:00 Alert\n\n## Notes\n\n" + ">" * 10000 + " bottom\n")
put("deep-yaml-sequences.yaml", "title: Deep\ntags: " + "[" * 10000 + "]" * 10000 + "\n")
laughs = ["title: Laughs", 'a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
for i in range(1, 10):
    refs = ",".join(f"*a{i-1}" for _ in range(9))
    laughs.append(f"a{i}: &a{i} [{refs}]")
laughs.append("tags: *a9")
put("yaml-billion-laughs.yaml", "\n".join(laughs) + "\n")
put("yaml-billion-laughs-unknown-keys.yaml",
    "\n".join(laughs[:-1]) + "\ntimeline:\n  - at: 10:00:00\n    text: Alert\n")
put("yaml-billion-laughs-in-title.yaml",
    "\n".join(laughs[1:-1]) + "\ntitle: *a9\n")

# --- wrong types ----------------------------------------------------------------------------
put("type-json-timeline-string.json", '{\n  "title": "T",\n  "timeline": "10:00 Alert fired"\n}\n')
put("type-json-percent-string.json",
    '{\n  "title": "T",\n  "impact": {"text": "Logins failed", "affected_users_percent": "30%"}\n}\n')
put("type-json-at-number.json",
    '{\n  "title": "T",\n  "timeline": [\n    {"at": 1000, "text": "Alert"}\n  ]\n}\n')
put("type-json-title-array.json", '{"title": ["a", "b"]}\n')
put("type-json-top-level-array.json", '[{"title": "T"}]\n')
put("type-toml-timeline-string.toml", 'title = "T"\ntimeline = "10:00 Alert fired"\n')
put("type-toml-percent-string.toml",
    'title = "T"\n\n[impact]\ntext = "Logins failed"\naffected_users_percent = "30%"\n')
put("type-toml-at-number.toml", 'title = "T"\n\n[[timeline]]\nat = 1000\ntext = "Alert"\n')
put("type-yaml-timeline-string.yaml", "title: T\ntimeline: 10:00 Alert fired\n")
put("type-yaml-percent-string.yaml",
    "title: T\nimpact:\n  text: Logins failed\n  affected_users_percent: thirty\n")
put("type-yaml-at-number.yaml", "title: T\ntimeline:\n  - at: 1000\n    text: Alert\n")
put("type-yaml-title-mapping.yaml", "title:\n  en: Outage\n")

# --- impossible dates and times -------------------------------------------------------------
put("date-feb-30.txt", "Title: T\n\nTimeline:\n2023-02-28 23:50 Alert fired\n2023-02-30 00:10 Cache flushed\n")
put("date-month-13.md", "# T\n\n## Timeline\n\n- 2023-12-31 10:00 Alert\n- 2023-13-01 10:00 Restart\n")
put("time-25-00.txt", "Title: T\n\nTimeline:\n- 10:00 Alert fired\n- 25:00 Restart\n")
put("time-10-61.txt", "Title: T\n\nTimeline:\n- 10:00 Alert fired\n- 10:61 Restart\n")
put("time-24-00.txt", "Title: T\n\nTimeline:\n- 23:50 Alert fired\n- 24:00 Restart\n")
put("date-year-0.json",
    '{\n  "title": "T",\n  "timeline": [\n    {"at": "0000-01-01T10:00:00Z", "text": "Alert"}\n  ]\n}\n')
put("date-year-99999.json",
    '{\n  "title": "T",\n  "timeline": [\n    {"at": "99999-01-01T10:00:00Z", "text": "Alert"}\n  ]\n}\n')
put("date-feb-30.json",
    '{\n  "title": "T",\n  "timeline": [\n    {"at": "2023-02-30T10:00:00Z", "text": "Alert"}\n  ]\n}\n')
put("time-25-00.yaml", "title: T\ntimeline:\n  - at: 25:00:00\n    text: Alert\n")
put("date-month-13.toml", 'title = "T"\n\n[[timeline]]\nat = "2023-13-01T10:00:00Z"\ntext = "Alert"\n')
put("duration-end-before-start.json",
    '{\n  "title": "T",\n  "start": "2024-01-15T14:00:00Z",\n  "end": "2024-01-15T10:00:00Z"\n}\n')
put("duration-end-before-start.txt",
    "Title: T\nDuration: January 15, 2024, 2:00 PM - January 15, 2024, 10:00 AM (UTC)\n\n"
    "Timeline:\n- 10:00 Alert fired\n")
put("events-out-of-order.txt", "Title: T\n\nTimeline:\n- 10:00 Alert fired\n- 11:30 Restored\n- 10:15 Cache flushed\n")
put("events-out-of-order.json",
    '{\n  "title": "T",\n  "timeline": [\n    {"at": "2024-01-15T11:00:00Z", "text": "Restored"},\n'
    '    {"at": "2024-01-15T10:00:00Z", "text": "Alert"}\n  ]\n}\n')

# --- empty and structural -------------------------------------------------------------------
put("empty.txt", b"")
put("whitespace-only.md", "  \n\t\n   \r\n\n")
put("only-a-title.md", "# Login outage\n")
put("only-a-title.txt", "Title: Login outage\n")
put("empty-sections.md", "# Outage\n\n## Summary\n\n## Root cause\n\n## Timeline\n\n- 10:00 Alert\n")
put("duplicate-timeline-sections.md",
    "# Outage\n\n## Timeline\n\n- 10:00 Alert\n\n## Summary\n\nLogins failed.\n\n## Timeline\n\n- 10:30 Restart\n")
put("duplicate-root-cause-sections.md",
    "# Outage\n\n## Root cause\n\nA bad deploy.\n\n## Timeline\n\n- 10:00 Alert\n\n## Root cause\n\nA stale cache.\n")
put("timeline-heading-no-entries.md", "# Outage\n\n## Summary\n\nLogins failed.\n\n## Timeline\n\n## Resolution\n\nRolled back.\n")
put("timeline-entries-no-text.txt", "Title: Outage\n\nTimeline:\n- 10:00\n- 10:20 -\n- 10:30 Restored\n")
put("empty-json-object.json", "{}\n")
put("empty-yaml-document.yaml", "---\n...\n")

# --- metrics --------------------------------------------------------------------------------
put("metrics-nan.csv", "timestamp,value,series\n1705330800,1.5,errors\n1705330860,NaN,errors\n")
put("metrics-inf.csv", "timestamp,value,series\n1705330800,1.5,errors\n1705330860,inf,errors\n")
put("metrics-neg-inf.csv", "timestamp,value,series\n1705330800,1.5,errors\n1705330860,-inf,errors\n")
put("metrics-huge-value.csv", "timestamp,value,series\n1705330800,1.5,errors\n1705330860,1.7e308,errors\n")
put("metrics-unsorted.csv",
    "timestamp,value,series\n1705330860,2,errors\n1705330800,1,errors\n1705330920,3,errors\n")
put("metrics-duplicate-timestamps.csv",
    "timestamp,value,series\n1705330800,1,errors\n1705330800,2,errors\n1705330860,3,errors\n")
put("metrics-header-only.csv", "timestamp,value,series\n")
put("metrics-missing-value-column.csv", "timestamp,series\n1705330800,errors\n1705330860,errors\n")
put("metrics-non-numeric.csv",
    "timestamp,value,series\n1705330800,1.5,errors\n1705330860,lots,errors\n")
put("metrics-vector.json",
    '{"status":"success","data":{"resultType":"vector",\n'
    '"result":[{"metric":{"__name__":"up"},"value":[1705330800,"1"]}]}}\n')
put("metrics-status-error.json",
    '{"status":"error","errorType":"bad_data",\n'
    '"error":"parse error at char 4: unexpected character","data":{"resultType":"matrix","result":[]}}\n')
put("metrics-values-as-numbers.json",
    '{"status":"success","data":{"resultType":"matrix","result":[\n'
    '{"metric":{"__name__":"up"},"values":[[1705330800,1],[1705330860,0]]}]}}\n')
put("metrics-nan-prom.prom",
    "# TYPE up gauge\nup 1 1705330800000\nup NaN 1705330860000\n")

# --- a catalogue index (`index.json`) with wrong types: read as `CatalogueIndex` ---------------
CATALOGUE = {
    "incidents-a-string.json": '{"incidents": "all of them"}\n',
    "date-a-number.json": '{"incidents": [\n  {"src": "a.md", "title": "A", "date": 20240115}\n]}\n',
    "date-impossible.json": '{"incidents": [\n  {"src": "a.md", "title": "A", "date": "2023-02-30"}\n]}\n',
    "duration-a-string.json":
        '{"incidents": [\n  {"src": "a.md", "title": "A",\n   "duration_seconds": "3600"}\n]}\n',
    "percent-a-string.json":
        '{"incidents": [\n  {"src": "a.md", "title": "A", "affected_users_percent": "30%"}\n]}\n',
    "tags-a-string.json": '{"incidents": [\n  {"src": "a.md", "title": "A", "tags": "db"}\n]}\n',
    "unknown-root-cause-kind.json":
        '{"incidents": [\n  {"src": "a.md", "title": "A", "root_cause_kind": "gremlins"}\n]}\n',
    "top-level-array.json": '[{"src": "a.md", "title": "A"}]\n',
    "truncated.json": '{"incidents": [\n  {"src": "a.md", "title": "A"},\n  {"src": "b.m',
}
os.makedirs(os.path.join(HERE, "catalogue"), exist_ok=True)
for name, content in CATALOGUE.items():
    with open(os.path.join(HERE, "catalogue", name), "w", encoding="utf-8") as f:
        f.write(content)

for name, content in FILES.items():
    with open(os.path.join(HERE, name), "wb") as f:
        f.write(content)
print(f"wrote {len(FILES)} files and {len(CATALOGUE)} catalogue indexes")
