#!/usr/bin/env python3
"""Helpers for scripts/real-broker-e2e.sh: free ports, the articles it feeds, and the checks.

  free-ports N                 N distinct free TCP ports on 127.0.0.1, chosen by the OS
  wait-port PORT SECONDS       exit 0 once 127.0.0.1:PORT accepts a connection
  generate DIR SCENARIO SAMPLES --articles N --bad-per-kind B --chunks K
                               writes DIR/good-KK.jsonl (for `byline produce`),
                               DIR/bad-KK.tsv (key TAB value, for `kcat -P -K`) and
                               DIR/expected.json
  progress DIR                 reads DIR/out.jsonl and DIR/dlq.jsonl (kcat -J dumps),
                               prints what is done, exit 0 when every id is out
  check DIR                    the assertions, on DIR/in.jsonl, out.jsonl, dlq.jsonl
  metrics PORT                 a worker's counters from its /metrics
  wait-busy PORT SECONDS       exit 0 as soon as the worker's consumed counter moves (it has
                               fresh work, likely not yet committed), 1 after SECONDS

The generated articles are written here, from the lists below; nothing is fetched.
"""
import json
import os
import random
import socket
import sys
import time
import urllib.request

ERROR_CODE = "byline-error-code"


def free_ports(count):
    sockets, ports = [], []
    try:
        while len(ports) < count:
            s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            s.bind(("127.0.0.1", 0))
            sockets.append(s)
            ports.append(s.getsockname()[1])
    finally:
        for s in sockets:
            s.close()
    print(" ".join(map(str, ports)))


def wait_port(port, seconds):
    deadline = time.monotonic() + float(seconds)
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", int(port)), timeout=1):
                return 0
        except OSError:
            time.sleep(0.05)
    return 1


# --- generated articles -------------------------------------------------------------

FIRST = ["Amara", "Bruno", "Chen", "Dalia", "Emeka", "Freya", "Goran", "Hana", "Ilya", "Jonas",
         "Keiko", "Luis", "Mira", "Nadia", "Oskar", "Priya", "Rafael", "Saskia", "Tariq", "Vera"]
LAST = ["Adeyemi", "Brandt", "Castillo", "Dvorak", "Eriksen", "Fontaine", "Gallagher", "Haddad",
        "Ibsen", "Jovanovic", "Kowalski", "Lindgren", "Moreau", "Nakamura", "Okafor", "Petrov"]
ROLE = ["mayor", "chief executive", "spokeswoman", "union leader", "professor of economics",
        "health minister", "head of research", "police commissioner", "coach", "director"]
ORG = ["Riverside Water Board", "Northgate Bank", "Coastal Rail Company", "Union of Teachers",
       "Meridian Hospital", "Kestrel Airlines", "Harbour Shipping Group", "Valley Farmers Association",
       "Institute of Public Health", "Granite Football Club"]
CITY = ["Port Alder", "Lindenfeld", "Marrowgate", "Sandhaven", "Eastbury", "Calloway", "Westmoor",
        "Brightwater", "Oakridge", "Kingsford"]
TOPIC = ["the new tram line", "the water price rise", "the hospital budget", "the strike",
         "the flood defences", "the stadium plan", "the school closures", "the airport expansion",
         "the housing plan", "the fishing quota"]
VERB = ["go ahead", "be delayed", "cost more than planned", "be reviewed", "need more staff",
        "be finished by the summer", "face a legal challenge", "be put to a vote"]
QUOTE = ["We have listened to everyone, and we think this is the right decision.",
         "Nobody here wanted it to come to this.",
         "The numbers simply do not add up.",
         "It is a good day for the city, and a better one for the people who work here.",
         "We will keep asking questions until we get answers.",
         "I have never seen anything like it in thirty years.",
         "This is only the beginning.",
         "People are tired of waiting."]
DAY = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def article(scenario, index, rng):
    name = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    other = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
    org, city, topic = rng.choice(ORG), rng.choice(CITY), rng.choice(TOPIC)
    surname = name.split()[1]
    paragraphs = [
        f"{name}, the {rng.choice(ROLE)} of the {org}, said on {rng.choice(DAY)} that {topic} "
        f"in {city} would {rng.choice(VERB)}.",
        f"“{rng.choice(QUOTE)}” {surname} told reporters in {city}. “{rng.choice(QUOTE)}”",
        f"{other}, who represents residents of {rng.choice(CITY)}, said the decision had come "
        f"too late. \"{rng.choice(QUOTE)}\"",
        f"The {org} will publish its figures in {rng.choice(['March', 'June', 'October'])}, "
        f"according to a statement. Story {index} of run {scenario}.",
    ]
    return {
        "id": f"{scenario}-gen-{index:04d}",
        "title": f"{city}: {topic} will {rng.choice(VERB)}",
        "source": "byline-real-broker-e2e",
        "published_at": f"2026-11-{1 + index % 28:02d}T{index % 24:02d}:00:00Z",
        "language": "en",
        "text": "\n".join(paragraphs),
    }


def bad_records(scenario, per_kind):
    """(key, value bytes, expected byline-error-code); the key is unique per record."""
    records = []
    for j in range(per_kind):
        k = lambda kind: f"{scenario}-bad-{kind}-{j}"
        records += [
            (k("invalid_json"), f'{{"id": "{k("invalid_json")}", "text": "unterminated'.encode(), "invalid_json"),
            (k("wrong_type"), (f'{{"id": {j + 17}, "text": "an id that is a number"}}' if j % 2 == 0 else
                              f'{{"id": "{k("wrong_type")}", "text": ["a", "list"]}}').encode(), "wrong_type"),
            (k("missing_id"), b'{"title": "no id here", "text": "An article without its id."}', "missing_field"),
            (k("empty_text"), f'{{"id": "{k("empty_text")}", "text": ""}}'.encode(), "empty_text"),
            (k("invalid_utf8"), b'{"id": "' + k("invalid_utf8").encode() + b'", "text": "caf\xe9 \xff\xfe"}', "invalid_utf8"),
            (k("not_an_object"), f'["{k("not_an_object")}", 1, 2]'.encode(), "not_an_object"),
        ]
    return records


def generate(directory, scenario, samples, articles, per_kind, chunks):
    rng = random.Random(f"byline-{scenario}")
    good = []
    with open(samples, "rb") as handle:
        for line in handle:
            if line.strip():
                good.append((json.loads(line)["id"], line.rstrip(b"\n")))
    for i in range(articles):
        record = article(scenario, i, rng)
        good.append((record["id"], json.dumps(record, ensure_ascii=False).encode()))
    ids = [i for i, _ in good]
    assert len(ids) == len(set(ids)), "duplicate ids in the feed"
    bad = bad_records(scenario, per_kind)
    rng.shuffle(bad)
    for c in range(chunks):
        with open(os.path.join(directory, f"good-{c:02d}.jsonl"), "wb") as out:
            for _, line in good[c::chunks]:
                out.write(line + b"\n")
        with open(os.path.join(directory, f"bad-{c:02d}.tsv"), "wb") as out:
            for key, value, _ in bad[c::chunks]:
                assert b"\t" not in value and b"\n" not in value
                out.write(key.encode() + b"\t" + value + b"\n")
    with open(os.path.join(directory, "expected.json"), "w") as out:
        json.dump({"good": ids, "bad": {key: code for key, _, code in bad}}, out)


# --- reading kcat -J dumps ----------------------------------------------------------

def read_dump(path):
    """Records of a `kcat -C -J -e` dump; a line that is not JSON counts as unreadable."""
    records, unreadable = [], 0
    if not os.path.exists(path):
        return records, unreadable
    with open(path, "rb") as handle:
        for raw in handle:
            if not raw.strip():
                continue
            try:
                record = json.loads(raw.decode("utf-8", "replace"))
            except ValueError:
                unreadable += 1
                continue
            headers = record.get("headers") or []
            record["headers"] = dict(zip(headers[0::2], headers[1::2]))
            records.append(record)
    return records, unreadable


def load(directory):
    expected = json.load(open(os.path.join(directory, "expected.json")))
    out, out_bad = read_dump(os.path.join(directory, "out.jsonl"))
    dlq, dlq_bad = read_dump(os.path.join(directory, "dlq.jsonl"))
    return expected, out, dlq, out_bad + dlq_bad


def progress(directory):
    expected, out, dlq, _ = load(directory)
    good = set(expected["good"])
    enriched = good & {r["key"] for r in out}
    dead = set(expected["bad"]) & {r["key"] for r in dlq}
    print(f"enriched {len(enriched)}/{len(good)}, dead-lettered {len(dead)}/{len(expected['bad'])}, "
          f"output records {len(out)}")
    return 0 if len(enriched) == len(good) and len(dead) == len(expected["bad"]) else 1


def check(directory):
    expected, out, dlq, unreadable = load(directory)
    inputs, in_unreadable = read_dump(os.path.join(directory, "in.jsonl"))
    failures = []
    good, bad = set(expected["good"]), expected["bad"]
    if unreadable or in_unreadable:
        failures.append(f"{unreadable + in_unreadable} dumped records are not readable")

    # Every good id enriched at least once, each output record a JSON article for its key.
    seen = {}
    for r in out:
        seen[r["key"]] = seen.get(r["key"], 0) + 1
        try:
            value = json.loads(r["payload"])
            if value.get("id") != r["key"] or "entities" not in value or "quotes" not in value:
                failures.append(f"output record {r['key']!r} at {r['partition']}/{r['offset']} is not its enriched article")
        except (TypeError, ValueError):
            failures.append(f"output record {r['key']!r} at {r['partition']}/{r['offset']} is not JSON")
        if r["headers"].get("byline-schema-version") is None:
            failures.append(f"output record {r['key']!r} has no byline-schema-version header")
    missing = sorted(good - set(seen))
    if missing:
        failures.append(f"{len(missing)} articles never enriched, e.g. {missing[:5]}")
    strangers = sorted(set(seen) - good)
    if strangers:
        failures.append(f"{len(strangers)} unexpected output keys, e.g. {strangers[:5]}")

    # Every bad record dead-lettered with its code.
    codes = {}
    for r in dlq:
        codes.setdefault(r["key"], set()).add(r["headers"].get(ERROR_CODE))
    for key, code in sorted(bad.items()):
        if key not in codes:
            failures.append(f"bad record {key} not dead-lettered")
        elif codes[key] != {code}:
            failures.append(f"bad record {key}: {ERROR_CODE} {sorted(map(str, codes[key]))}, expected {code}")
    wrongly_dead = sorted(set(codes) & good)
    if wrongly_dead:
        failures.append(f"{len(wrongly_dead)} good articles dead-lettered, e.g. {wrongly_dead[:5]}")

    # Every input record (partition, offset) answered by an output or a dead letter.
    answered = set()
    for r in out + dlq:
        h = r["headers"]
        answered.add((h.get("byline-source-partition"), h.get("byline-source-offset")))
    unanswered = [(r["partition"], r["offset"]) for r in inputs
                  if (str(r["partition"]), str(r["offset"])) not in answered]
    if unanswered:
        failures.append(f"{len(unanswered)} input offsets with neither output nor dead letter, e.g. {unanswered[:5]}")
    if len(inputs) != len(good) + len(bad):
        failures.append(f"input topic holds {len(inputs)} records, {len(good) + len(bad)} were fed")

    duplicates = len(out) - len(seen) + len(dlq) - len(codes)
    total = len(out) + len(dlq)
    partitions = len({r["partition"] for r in inputs})
    print(f"articles {len(good)}, bad records {len(bad)} ({len(set(bad.values()))} kinds), "
          f"input partitions used {partitions}; output {len(out)} records, dead letters {len(dlq)}; "
          f"duplicates {duplicates} ({100.0 * duplicates / max(total, 1):.1f}% of the records read back)")
    for failure in failures[:20]:
        print(f"  FAIL: {failure}")
    return 1 if failures else 0


def counters(port):
    text = urllib.request.urlopen(f"http://127.0.0.1:{port}/metrics", timeout=5).read().decode()
    totals = {}
    for line in text.splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, _, value = line.rpartition(" ")
        base = name.split("{")[0]
        if base in ("byline_articles_consumed_total", "byline_articles_enriched_total",
                    "byline_articles_dead_lettered_total", "byline_commit_failures_total",
                    "byline_stale_messages_skipped_total"):
            totals[base] = totals.get(base, 0) + float(value)
    return totals


def metrics(port):
    try:
        totals = counters(port)
    except OSError as error:
        print(f"metrics unavailable ({error})")
        return 0
    print(", ".join(f"{k.removeprefix('byline_').removesuffix('_total')} {int(v)}" for k, v in sorted(totals.items())))
    return 0


def wait_busy(port, seconds):
    deadline = time.monotonic() + float(seconds)
    base = None
    while time.monotonic() < deadline:
        try:
            consumed = counters(port).get("byline_articles_consumed_total", 0)
        except OSError:
            consumed = None
        if base is None:
            base = consumed
        elif consumed is not None and consumed > base:
            return 0
        time.sleep(0.02)
    return 1


def main(argv):
    command = argv[1]
    if command == "free-ports":
        free_ports(int(argv[2]))
        return 0
    if command == "wait-port":
        return wait_port(argv[2], argv[3])
    if command == "generate":
        directory, scenario, samples = argv[2:5]
        options = dict(zip(argv[5::2], argv[6::2]))
        generate(directory, scenario, samples, int(options["--articles"]),
                 int(options["--bad-per-kind"]), int(options["--chunks"]))
        return 0
    if command == "progress":
        return progress(argv[2])
    if command == "check":
        return check(argv[2])
    if command == "metrics":
        return metrics(argv[2])
    if command == "wait-busy":
        return wait_busy(argv[2], argv[3])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
