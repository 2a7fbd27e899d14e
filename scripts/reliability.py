#!/usr/bin/env python3
"""Byline's reliability suite: `byline run` workers under attack, then every topic read back.

Scenarios (each on its own topics and consumer group, fed a steady stream of articles with
bad records of every kind mixed in, the feed keyed like a scraper's):

  soak    three workers; every few seconds one is killed with SIGKILL and restarted
  drain   SIGTERM under load, one worker after another: each must exit 0 within
          --drain-timeout plus the documented 11 s, and a fresh one takes its place
  faults  three workers while the cluster goes through a timeline of faults: slow brokers,
          produce, fetch, heartbeat and commit errors, leader moves, one broker down, then
          every broker down for 12 s (the embedded cluster only: it takes commands)
  refused three workers while the brokers refuse produce requests (NOT_LEADER) again
          and again for the whole feed (the embedded cluster only)
  steady  two workers, no attack: the baseline the others are compared with

After the feed ends and the workers catch up, the input, output and dead-letter topics are
read back in full. A scenario passes when every good id was enriched, every bad record was
dead-lettered with its byline-error-code, every input offset was answered, and every worker
stopped as asked. Duplicates are reported, not failed: delivery is at least once.

Brokers: `--broker mock` runs `byline dev-cluster --control-stdin` (librdkafka's mock
cluster; its workers' producers are not idempotent, see DevCluster.producerProperties);
`--broker tansu --tansu PATH` runs a Tansu broker on loopback; LD_LIBRARY_PATH is
passed through to byline and kcat, for a librdkafka that real brokers accept.

  scripts/reliability.py --broker mock --scenarios soak,drain,faults,refused --seconds 60
  scripts/reliability.py --broker mock --scenarios soak --seconds 1200 --rate 200   (a long run)

Prints one summary line per scenario, then `reliability: N passed, M failed`; exit status 1
when anything failed. Logs, dumps and summary.json are in --work (.build-reliability).
The generated articles are written here, from the word lists below; nothing is fetched.
"""
import argparse
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

ERROR_CODE = "byline-error-code"
SHUTDOWN_MARGIN = 11  # seconds past --drain-timeout that `byline run` documents
DRAIN_TIMEOUT = 10


def log(message):
    print(message, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_port(port, seconds):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return True
        except OSError:
            time.sleep(0.05)
    return False


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
        "id": f"{scenario}-gen-{index:06d}",
        "title": f"{city}: {topic} will {rng.choice(VERB)}",
        "source": "byline-reliability",
        "published_at": f"2026-11-{1 + index % 28:02d}T{index % 24:02d}:00:00Z",
        "language": "en",
        "text": "\n".join(paragraphs),
    }


def bad_record(scenario, j):
    """(key, value bytes, expected byline-error-code) for the j-th bad record; keys are unique."""
    kind = ["invalid_json", "wrong_type", "missing_id", "empty_text", "invalid_utf8", "not_an_object"][j % 6]
    key = f"{scenario}-bad-{kind}-{j}"
    value, code = {
        "invalid_json": (f'{{"id": "{key}", "text": "unterminated'.encode(), "invalid_json"),
        "wrong_type": ((f'{{"id": {j}, "text": "an id that is a number"}}' if j % 12 < 6 else
                        f'{{"id": "{key}", "text": ["a", "list"]}}').encode(), "wrong_type"),
        "missing_id": (b'{"title": "no id here", "text": "An article without its id."}', "missing_field"),
        "empty_text": (f'{{"id": "{key}", "text": ""}}'.encode(), "empty_text"),
        "invalid_utf8": (b'{"id": "' + key.encode() + b'", "text": "caf\xe9 \xff\xfe"}', "invalid_utf8"),
        "not_an_object": (f'["{key}", 1, 2]'.encode(), "not_an_object"),
    }[kind]
    return key, value, code


def make_feed(scenario, count, bad_every, samples):
    """(key, value) records in feed order, and what each must become."""
    rng = random.Random(f"byline-{scenario}")
    sample_lines = []
    if samples and os.path.exists(samples):
        with open(samples, "rb") as handle:
            sample_lines = [line.rstrip(b"\n") for line in handle if line.strip()]
    records, good, bad = [], [], {}
    generated = 0
    for i in range(count):
        if bad_every and i % bad_every == bad_every - 1:
            key, value, code = bad_record(scenario, len(bad))
            bad[key] = code
        elif i < len(sample_lines):
            value = sample_lines[i]
            # The samples keep their text; their ids are made unique per scenario.
            record = json.loads(value)
            record["id"] = f"{scenario}-sample-{record['id']}"
            key, value = record["id"], json.dumps(record, ensure_ascii=False).encode()
            good.append(key)
        else:
            record = article(scenario, generated, rng)
            generated += 1
            key, value = record["id"], json.dumps(record, ensure_ascii=False).encode()
            good.append(key)
        assert b"\t" not in value and b"\n" not in value
        records.append((key, value))
    assert len(set(good)) == len(good)
    return records, {"good": good, "bad": bad}


# --- brokers ----------------------------------------------------------------------

def stop_process(process, seconds=10):
    process.terminate()
    try:
        process.wait(seconds)
    except subprocess.TimeoutExpired:
        process.kill()


class MockCluster:
    """`byline dev-cluster --control-stdin`: librdkafka's mock cluster in its own process."""
    takes_faults = True
    # DevCluster.producerProperties: the mock checks no idempotent sequence numbers, so an
    # idempotent producer can take a refused batch for stored when a later one succeeds.
    worker_properties = ["enable.idempotence=false"]
    leader_leaving_mid_rebalance_stalls = False
    # The mock drops a partition's oldest messages past 5 MiB: read from the earliest kept.
    first_offset = "beginning"

    def __init__(self, byline, work, brokers=3):
        self.log = open(os.path.join(work, "dev-cluster.log"), "wb")
        self.process = subprocess.Popen([byline, "dev-cluster", "--brokers", str(brokers), "--control-stdin"],
                                        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.log, text=True)
        first = self.process.stdout.readline().strip()
        if not first.startswith("bootstrap.servers="):
            raise RuntimeError(f"dev-cluster printed {first!r}")
        self.bootstrap = first.split("=", 1)[1]
        self.lock = threading.Lock()

    def control(self, command):
        with self.lock:
            self.process.stdin.write(command + "\n")
            self.process.stdin.flush()
            answer = self.process.stdout.readline().strip()
        if answer != "ok":
            raise RuntimeError(f"dev-cluster `{command}`: {answer}")

    def create_topic(self, name, partitions):
        self.control(f"topic {name} {partitions}")

    def stop(self):
        stop_process(self.process)


class TansuCluster:
    """A Tansu broker (memory storage) on a free loopback port."""
    takes_faults = False
    worker_properties = []
    # Its group coordinator keeps a leader that leaves while the group re-forms (Forming
    # leave() does not clear it, Formed leave() does): no member can join after that.
    leader_leaving_mid_rebalance_stalls = True
    # Tansu answers "earliest" with the base offset of the batch stored first, which need not
    # be the lowest when producers race: read from offset 0, which memory storage keeps.
    first_offset = "0"

    def __init__(self, tansu, work):
        self.tansu = tansu
        for attempt in range(5):
            port = free_port()
            self.log = open(os.path.join(work, f"tansu-{attempt}.log"), "wb")
            self.process = subprocess.Popen(
                [tansu, "broker", "--listener-url", f"tcp://127.0.0.1:{port}",
                 "--advertised-listener-url", f"tcp://127.0.0.1:{port}", "--storage-engine", "memory://tansu/"],
                stdout=self.log, stderr=subprocess.STDOUT)
            # Tansu prints "listening on" and exits when another process took the port first.
            if wait_port(port, 10) and (time.sleep(0.3) or self.process.poll() is None):
                self.bootstrap = f"127.0.0.1:{port}"
                return
            self.process.kill()
            self.process.wait()
        raise RuntimeError("Tansu did not start in 5 attempts")

    def create_topic(self, name, partitions):
        subprocess.run([self.tansu, "topic", "create", name, "--partitions", str(partitions),
                        "--broker", f"tcp://{self.bootstrap}"], check=True, timeout=30,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)

    def control(self, command):
        raise RuntimeError("Tansu takes no fault commands")

    def stop(self):
        stop_process(self.process)


# --- workers and the feed ----------------------------------------------------------

class Worker:
    def __init__(self, scenario, name):
        self.name = name
        self.port = free_port()
        self.log_path = os.path.join(scenario.dir, f"{name}.log")
        self.process = subprocess.Popen(
            [scenario.suite.byline, "run", "--brokers", scenario.cluster.bootstrap, "--group", scenario.group,
             "--input", scenario.input, "--output", scenario.output, "--dlq", scenario.dlq,
             "--http-host", "127.0.0.1", "--http-port", str(self.port),
             "--drain-timeout", str(DRAIN_TIMEOUT), "--log-level", "trace"]
            + [arg for prop in scenario.cluster.worker_properties for arg in ("--kafka-property", prop)]
            + scenario.suite.worker_args,
            stdout=subprocess.DEVNULL, stderr=open(self.log_path, "wb"), stdin=subprocess.DEVNULL)
        self.expected_end = None  # set when the suite stops it on purpose

    def alive(self):
        return self.process.poll() is None

    def kill(self):
        self.expected_end = "SIGKILL"
        self.process.kill()
        self.process.wait()

    def terminate(self, limit):
        """SIGTERM; (exit status or None when it outlived `limit`, seconds taken)."""
        self.expected_end = "SIGTERM"
        started = time.monotonic()
        self.process.terminate()
        try:
            status = self.process.wait(limit)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            status = None
        return status, time.monotonic() - started

    def counters(self):
        text = urllib.request.urlopen(f"http://127.0.0.1:{self.port}/metrics", timeout=5).read().decode()
        totals = {}
        for line in text.splitlines():
            if line.startswith("#") or not line.strip():
                continue
            name, _, value = line.rpartition(" ")
            base = name.split("{")[0]
            totals[base] = totals.get(base, 0) + float(value)
        return totals

    def status(self, path):
        try:
            return urllib.request.urlopen(f"http://127.0.0.1:{self.port}{path}", timeout=2).status
        except urllib.error.HTTPError as error:
            return error.code
        except OSError:
            return None

    def wait_busy(self, seconds):
        """True once its consumed counter moves: it holds fresh work, likely uncommitted."""
        deadline = time.monotonic() + seconds
        base = None
        while time.monotonic() < deadline and self.alive():
            try:
                consumed = self.counters().get("byline_articles_consumed_total", 0)
            except OSError:
                consumed = None
            if base is None:
                base = consumed
            elif consumed is not None and consumed > base:
                return True
            time.sleep(0.02)
        return False


class Feed(threading.Thread):
    """Writes the records to `kcat -P -K TAB` at `rate` records a second, after the first
    `burst` as fast as kcat takes them. kcat retries through broker faults but ends itself
    when every broker is down, so `hold()` flushes and closes it first; `resume()` starts a
    new one, which catches up on the schedule (as a scraper's buffer would)."""

    def __init__(self, scenario, records, rate, burst=0):
        super().__init__(daemon=True)
        self.scenario, self.records, self.rate, self.burst = scenario, records, rate, burst
        self.sent = 0
        self.failure = None
        self.hold_requested, self.held, self.resumed = threading.Event(), threading.Event(), threading.Event()
        self.log = open(os.path.join(scenario.dir, "feed.log"), "ab")

    def hold(self, seconds=120):
        self.hold_requested.set()
        return self.held.wait(seconds) or not self.is_alive()

    def resume(self):
        self.resumed.set()

    def start_kcat(self):
        return subprocess.Popen(
            ["kcat", "-b", self.scenario.cluster.bootstrap, "-P", "-t", self.scenario.input, "-K", "\t",
             "-X", "linger.ms=5", "-X", "message.timeout.ms=600000"],
            stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=self.log)

    def close_kcat(self, kcat):
        kcat.stdin.close()
        status = kcat.wait(600)
        if status != 0 and not self.failure:
            self.failure = f"kcat -P exited with {status} (see feed.log)"

    def run(self):
        kcat = self.start_kcat()
        started = time.monotonic()
        try:
            for index, (key, value) in enumerate(self.records):
                if self.hold_requested.is_set():
                    self.close_kcat(kcat)
                    self.held.set()
                    self.resumed.wait()
                    self.hold_requested.clear()
                    self.held.clear()
                    self.resumed.clear()
                    kcat = self.start_kcat()
                if self.rate and index >= self.burst:
                    delay = started + (index - self.burst) / self.rate - time.monotonic()
                    if delay > 0:
                        kcat.stdin.flush()
                        time.sleep(min(delay, 0.5))
                kcat.stdin.write(key.encode() + b"\t" + value + b"\n")
                self.sent = index + 1
            self.close_kcat(kcat)
        except (OSError, subprocess.TimeoutExpired) as error:
            self.failure = f"feeding failed: {error}"
            kcat.kill()


# --- reading topics back -------------------------------------------------------------

def dump(scenario, topic):
    """Every record of `topic`, to the end of each partition (not to a watermark: Tansu's are wrong)."""
    result = subprocess.run(["kcat", "-b", scenario.cluster.bootstrap, "-C", "-t", topic, "-o", scenario.cluster.first_offset,
                             "-e", "-q", "-J"], capture_output=True, timeout=120)
    if result.returncode != 0:
        raise RuntimeError(f"kcat -C {topic}: {result.stderr.decode(errors='replace')[-300:]}")
    records = []
    for raw in result.stdout.splitlines():
        if not raw.strip():
            continue
        record = json.loads(raw.decode("utf-8", "replace"))
        headers = record.get("headers") or []
        record["headers"] = dict(zip(headers[0::2], headers[1::2]))
        records.append(record)
    return records


def progress(scenario):
    out, dlq = dump(scenario, scenario.output), dump(scenario, scenario.dlq)
    good = set(scenario.expected["good"])
    enriched = good & {r["key"] for r in out}
    dead = set(scenario.expected["bad"]) & {r["key"] for r in dlq}
    done = len(enriched) == len(good) and len(dead) == len(scenario.expected["bad"])
    return done, f"enriched {len(enriched)}/{len(good)}, dead-lettered {len(dead)}/{len(scenario.expected['bad'])}"


def audit(scenario):
    """The assertions on the topics' contents: (failures, figures)."""
    inputs, out, dlq = (dump(scenario, t) for t in (scenario.input, scenario.output, scenario.dlq))
    failures = []
    good, bad = set(scenario.expected["good"]), scenario.expected["bad"]
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
    codes = {}
    for r in dlq:
        codes.setdefault(r["key"], set()).add(r["headers"].get(ERROR_CODE))
    lost_bad = [key for key in bad if key not in codes]
    if lost_bad:
        failures.append(f"{len(lost_bad)} bad records not dead-lettered, e.g. {lost_bad[:5]}")
    wrong = [f"{key}: {sorted(map(str, codes[key]))} not {code}" for key, code in bad.items()
             if key in codes and codes[key] != {code}]
    if wrong:
        failures.append(f"{len(wrong)} dead letters with the wrong {ERROR_CODE}, e.g. {wrong[:3]}")
    wrongly_dead = sorted(set(codes) & good)
    if wrongly_dead:
        failures.append(f"{len(wrongly_dead)} good articles dead-lettered, e.g. {wrongly_dead[:5]}")
    answered = {(r["headers"].get("byline-source-partition"), r["headers"].get("byline-source-offset")) for r in out + dlq}
    unanswered = [(r["partition"], r["offset"]) for r in inputs if (str(r["partition"]), str(r["offset"])) not in answered]
    scenario.unanswered = unanswered
    if unanswered:
        failures.append(f"{len(unanswered)} input offsets with neither output nor dead letter, e.g. {unanswered[:5]}")
    fed = len(good) + len(bad)
    if len(inputs) != fed:
        failures.append(f"the input topic holds {len(inputs)} records; {fed} were fed")
    duplicates = len(out) - len(seen) + len(dlq) - len(codes)
    figures = {
        "articles": len(good), "bad_records": len(bad), "input_records": len(inputs),
        "output_records": len(out), "dead_letters": len(dlq),
        "lost": len(missing) + len(lost_bad), "duplicates": duplicates,
        "duplicate_ratio": round(duplicates / max(len(out) + len(dlq), 1), 4),
    }
    return failures, figures


# --- scenarios ----------------------------------------------------------------------

class Scenario:
    def __init__(self, suite, name):
        self.suite, self.name, self.cluster = suite, name, suite.cluster
        self.dir = os.path.join(suite.work, name)
        os.makedirs(self.dir, exist_ok=True)
        run = suite.run_id
        self.group = f"rel-{name}-{run}"
        self.input, self.output, self.dlq = (f"rel-{name}-{run}.{t}" for t in ("raw", "enriched", "dlq"))
        self.workers = {}
        self.failures = []
        self.unanswered = []
        self.figures = {}
        self.next_worker = 1
        self.started = time.monotonic()
        suite.current = self

    def fail(self, message):
        self.failures.append(message)
        log(f"  FAIL: {message}")

    def start_worker(self):
        name = f"w{self.next_worker}"
        self.next_worker += 1
        self.workers[name] = Worker(self, name)
        return self.workers[name]

    def running(self):
        return [w for w in self.workers.values() if w.alive()]

    def check_no_unplanned_exit(self):
        for worker in self.workers.values():
            if worker.expected_end is None and not worker.alive():
                worker.expected_end = "reported"
                self.fail(f"{worker.name} exited by itself with status {worker.process.returncode}; "
                          f"last log lines: {tail(worker.log_path)}")

    def prepare(self, count, bad_every):
        self.records, self.expected = make_feed(self.name, count, bad_every, self.suite.samples)
        # The embedded cluster keeps 5 MiB per partition and drops older messages past it:
        # size the topics for the feed, with room for each record written four times over
        # (a long drain on the mock, whose commits fail during rebalances, reached 3.7) (an
        # enriched record is about 4 times its input, a dead letter its input and headers).
        fed = sum(len(key) + len(value) for key, value in self.records)
        bad = set(self.expected["bad"])
        bad_bytes = sum(len(value) + 200 for key, value in self.records if key in bad)
        per_partition = 3 << 20
        partitions = {
            self.input: max(6, -(-fed // per_partition)),
            self.output: max(3, -(-fed * 5 * 4 // per_partition)),
            self.dlq: max(1, -(-bad_bytes * 2 * 4 // per_partition)),
        }
        for topic, count in partitions.items():
            self.cluster.create_topic(topic, count)
        self.figures["partitions"] = "/".join(str(partitions[t]) for t in (self.input, self.output, self.dlq))

    def wait_complete(self, seconds):
        deadline = time.monotonic() + seconds
        line = "nothing read"
        while time.monotonic() < deadline:
            self.check_no_unplanned_exit()
            try:
                done, line = progress(self)
            except (RuntimeError, subprocess.TimeoutExpired) as error:
                done, line = False, str(error)
            if done:
                log(f"  caught up {time.monotonic() - self.started:.0f} s into the scenario: {line}")
                return True
            time.sleep(2)
        self.fail(f"not caught up {seconds} s after the feed ended: {line}")
        self.report_stuck()
        return False

    def trace_offset(self, partition, offset):
        """From the workers' logs: who owned the input partition when, who delivered the
        offset's records, and each worker's first commit past it."""
        events = []
        owned = f"{self.input}[{partition}]"
        for worker in self.workers.values():
            try:
                entries = open(worker.log_path, errors="replace").read().splitlines()
            except OSError:
                continue
            committed_past = False
            for entry in entries:
                stamp = entry[11:19]
                if owned in entry and ("partitions assigned" in entry or "partitions revoked" in entry):
                    change = "assigned" if "partitions assigned" in entry else "revoked"
                    lost = " (lost)" if "lost=true" in entry else ""
                    events.append(f"{stamp} {worker.name} {change}{lost}")
                elif f"input={partition}/{offset} " in entry and "records delivered" in entry:
                    events.append(f"{stamp} {worker.name} delivered its records")
                elif "offsets committed" in entry and not committed_past:
                    for item in entry.split("offsets=", 1)[-1].split(" ", 1)[0].split(","):
                        p, _, o = item.partition("@")
                        if p == str(partition) and o.isdigit() and int(o) > offset:
                            events.append(f"{stamp} {worker.name} committed {p}@{o}, past it")
                            committed_past = True
        return [f"input {partition}/{offset}:"] + [f"  {event}" for event in sorted(events)[:40]]

    def report_stuck(self):
        """What each live worker holds when the scenario did not catch up: work stuck in
        flight (a delivery that never ends) reads differently from work never begun."""
        names = ["byline_articles_in_flight", "byline_consumer_lag", "byline_publish_failures_total",
                 "byline_stale_messages_skipped_total", "byline_input_offsets_skipped_total"]
        for worker in self.running():
            try:
                totals = worker.counters()
            except OSError as error:
                log(f"  {worker.name}: no metrics ({error})")
                continue
            log(f"  {worker.name}: " + ", ".join(f"{n.removeprefix('byline_')} {totals.get(n, 0):.0f}" for n in names))

    def stop_all(self, limit=DRAIN_TIMEOUT + SHUTDOWN_MARGIN):
        for worker in self.running():
            status, took = worker.terminate(limit + 10)
            if status != 0:
                self.fail(f"{worker.name}: SIGTERM gave exit status {status} after {took:.1f} s")

    def finish(self):
        self.check_no_unplanned_exit()
        for worker in self.running():
            worker.kill()
        try:
            failures, figures = audit(self)
        except (RuntimeError, subprocess.TimeoutExpired, ValueError) as error:
            failures, figures = [f"reading the topics back failed: {error}"], {}
        for failure in failures:
            self.fail(failure)
        for partition, offset in self.unanswered[:3]:
            for line in self.trace_offset(partition, offset):
                log(f"    {line}")
        # Offsets a consumer never delivered: a broker's or client's gap, which the commit
        # point passes, as opposed to an article the workers dropped.
        gaps = [f"{worker.name}: {line.strip()}" for worker in self.workers.values()
                for line in open(worker.log_path, errors="replace") if "skipped input offsets" in line]
        figures["offset_gaps_reported"] = len(gaps)
        for gap in gaps[:5]:
            log(f"  gap: {gap}")
        self.figures.update(figures)
        self.figures["seconds"] = round(time.monotonic() - self.started, 1)
        self.figures["passed"] = not self.failures
        return not self.failures


def tail(path, lines=4):
    try:
        with open(path, "rb") as handle:
            return " | ".join(l.decode(errors="replace").strip() for l in handle.readlines()[-lines:])
    except OSError:
        return "(no log)"


def run_feed(scenario, rate, seconds, bad_every, burst=0):
    scenario.prepare(burst + int(rate * seconds), bad_every)
    feed = Feed(scenario, scenario.records, rate, burst)
    return feed


def end_feed(scenario, feed):
    feed.join(900)
    if feed.is_alive():
        scenario.fail("the feed did not finish")
    elif feed.failure:
        scenario.fail(feed.failure)


def scenario_steady(suite):
    """Two workers and no attack: every article out, every bad record dead-lettered."""
    s = Scenario(suite, "steady")
    feed = run_feed(s, suite.rate, suite.seconds, suite.bad_every)
    # A tenth of the articles go through `byline produce` (Byline's own producer), the rest
    # with the bad records through kcat.
    good = set(s.expected["good"])
    ours = [(k, v) for k, v in feed.records if k in good][: len(good) // 10]
    taken = {k for k, _ in ours}
    feed.records = [(k, v) for k, v in feed.records if k not in taken]
    path = os.path.join(s.dir, "produce.jsonl")
    with open(path, "wb") as out:
        out.writelines(v + b"\n" for _, v in ours)
    result = subprocess.run([suite.byline, "produce", "--brokers", s.cluster.bootstrap, "--topic", s.input, path],
                            capture_output=True, timeout=120)
    if result.returncode != 0:
        s.fail(f"byline produce exited {result.returncode}: {result.stderr.decode(errors='replace')[-300:]}")
    for _ in range(2):
        s.start_worker()
    feed.start()
    while feed.is_alive():
        s.check_no_unplanned_exit()
        time.sleep(1)
    end_feed(s, feed)
    s.wait_complete(suite.catch_up)
    s.stop_all()
    return s


def scenario_soak(suite):
    """SIGKILL a random worker every few seconds and start it again; three in the group."""
    s = Scenario(suite, "soak")
    rng = random.Random(suite.seed)
    feed = run_feed(s, suite.rate, suite.seconds, suite.bad_every)
    for _ in range(3):
        s.start_worker()
    feed.start()
    kills = 0
    while feed.is_alive():
        time.sleep(rng.uniform(suite.kill_every * 0.5, suite.kill_every * 1.5))
        if not feed.is_alive():
            break
        s.check_no_unplanned_exit()
        victims = s.running()
        if not victims:
            continue
        victim = rng.choice(victims)
        victim.kill()
        kills += 1
        time.sleep(rng.uniform(0, 2))
        s.start_worker()
    end_feed(s, feed)
    s.figures["kills"] = kills
    s.wait_complete(suite.catch_up)
    s.stop_all()
    return s


def scenario_drain(suite):
    """SIGTERM one worker after another while they are busy; each exits 0 within the bound."""
    s = Scenario(suite, "drain")
    # A backlog first, so that each SIGTERM finds work in flight.
    feed = run_feed(s, suite.rate, suite.seconds, suite.bad_every, burst=int(suite.rate * 10))
    for _ in range(2):
        s.start_worker()
    feed.start()
    drains, slowest = 0, 0.0
    bound = DRAIN_TIMEOUT + SHUTDOWN_MARGIN
    rng = random.Random(suite.seed)
    while feed.is_alive():
        time.sleep(rng.uniform(3, 6))
        s.check_no_unplanned_exit()
        running = s.running()
        candidates = [w for w in running if w.status("/readyz") == 200]
        # Tansu keeps a leader that leaves while the group re-forms as its leader for good (no
        # member can join after that), so there SIGTERM waits until every worker has joined.
        settling = suite.cluster.leader_leaving_mid_rebalance_stalls and len(candidates) < len(running)
        if not candidates or settling or not feed.is_alive():
            continue
        worker = rng.choice(candidates)
        busy = worker.wait_busy(10)
        status, took = worker.terminate(bound + 30)
        drains += 1
        slowest = max(slowest, took)
        note = "" if busy else " (it took no new article in 10 s before)"
        if status != 0:
            s.fail(f"{worker.name}: SIGTERM under load gave exit status {status} after {took:.1f} s{note}")
        elif took > bound:
            s.fail(f"{worker.name}: SIGTERM under load took {took:.1f} s, over the documented {bound} s{note}")
        s.start_worker()
    end_feed(s, feed)
    s.figures.update({"sigterms": drains, "slowest_exit_s": round(slowest, 1)})
    s.wait_complete(suite.catch_up)
    s.stop_all()
    return s


def scenario_faults(suite):
    """A timeline of broker faults, scaled to --seconds; the workers must ride through it."""
    s = Scenario(suite, "faults")
    feed = run_feed(s, suite.rate, suite.seconds, suite.bad_every)
    workers = [s.start_worker() for _ in range(3)]
    i, o = s.input, s.output
    # (fraction of the run, commands). Error codes: 6 NOT_LEADER_OR_FOLLOWER,
    # 27 REBALANCE_IN_PROGRESS, 15 COORDINATOR_NOT_AVAILABLE; all retriable, none fatal.
    timeline = [
        (0.08, ["rtt 1 400", "rtt 2 400"]),
        (0.16, ["rtt 1 0", "rtt 2 0"]),
        (0.20, ["errors produce 6 6 6 6 6 6"]),
        (0.26, ["errors fetch 6 6 6 6"]),
        (0.32, ["errors heartbeat 27 27 27"]),
        (0.38, ["errors offsetCommit 27 15 27"]),
        (0.44, [f"leader {i} 0 2", f"leader {i} 1 3", f"leader {o} 0 3"]),
        (0.50, ["down 2"]),
        (0.60, ["up 2"]),
    ]
    everything_down_for = 12
    feed.start()
    start = time.monotonic()
    faults = 0
    for fraction, commands in timeline:
        while time.monotonic() < start + fraction * suite.seconds:
            s.check_no_unplanned_exit()
            time.sleep(0.2)
        for command in commands:
            s.cluster.control(command)
            faults += 1
        log(f"  t={time.monotonic() - start:5.1f} s: {'; '.join(commands)}")
    while time.monotonic() < start + 0.66 * suite.seconds:
        time.sleep(0.2)
    # Every broker down: kcat would end itself, so the feed holds (flushed) until they are back.
    if not feed.hold():
        s.fail("the feed could not be flushed before the outage")
    for broker in (1, 2, 3):
        s.cluster.control(f"down {broker}")
    faults += 3
    log(f"  t={time.monotonic() - start:5.1f} s: every broker down")
    time.sleep(everything_down_for)
    for broker in (1, 2, 3):
        s.cluster.control(f"up {broker}")
    log(f"  t={time.monotonic() - start:5.1f} s: every broker up again after {everything_down_for} s")
    feed.resume()
    for api in ("produce", "fetch", "heartbeat", "offsetCommit"):
        s.cluster.control(f"clear {api}")
    # Readiness follows the brokers back.
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline and any(w.status("/readyz") != 200 for w in workers if w.alive()):
        time.sleep(0.5)
    not_ready = [w.name for w in workers if w.alive() and w.status("/readyz") != 200]
    if not_ready:
        s.fail(f"not ready 90 s after the brokers came back: {not_ready}")
    end_feed(s, feed)
    s.figures["faults"] = faults
    s.wait_complete(suite.catch_up)
    s.stop_all()
    return s


def scenario_refused(suite):
    """The brokers refuse produce requests again and again while the workers publish."""
    s = Scenario(suite, "refused")
    feed = run_feed(s, suite.rate, suite.seconds, suite.bad_every)
    for _ in range(3):
        s.start_worker()
    feed.start()
    start = time.monotonic()
    refusals = 0
    # Six NOT_LEADER_OR_FOLLOWER answers every 0.3 s, to whichever producer asks next.
    while time.monotonic() < start + suite.seconds:
        s.check_no_unplanned_exit()
        s.cluster.control("errors produce 6 6 6 6 6 6")
        refusals += 6
        time.sleep(0.3)
    s.cluster.control("clear produce")
    end_feed(s, feed)
    s.figures["refusals"] = refusals
    s.wait_complete(suite.catch_up)
    s.stop_all()
    return s


SCENARIOS = {"refused": scenario_refused, "steady": scenario_steady, "soak": scenario_soak, "drain": scenario_drain, "faults": scenario_faults}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--broker", choices=["mock", "tansu"], default="mock")
    parser.add_argument("--tansu", help="the Tansu executable, for --broker tansu")
    parser.add_argument("--scenarios", default="soak,drain,faults")
    parser.add_argument("--seconds", type=float, default=60, help="how long each scenario feeds")
    parser.add_argument("--rate", type=float, default=40, help="records a second in the feed")
    parser.add_argument("--bad-every", type=int, default=17, help="every Nth record is bad (0: none)")
    parser.add_argument("--kill-every", type=float, default=6, help="mean seconds between kills in the soak")
    parser.add_argument("--catch-up", type=float, default=240, help="seconds the workers get after the feed")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--byline", default=".build/debug/byline")
    parser.add_argument("--samples", default="samples/articles.jsonl")
    parser.add_argument("--work", default=".build-reliability")
    parser.add_argument("--worker-arg", dest="worker_args", action="append", default=[],
                        help="one more argument for every `byline run` (repeatable)")
    suite = parser.parse_args()
    suite.byline = os.path.realpath(suite.byline)
    suite.run_id = f"{int(time.time())}-{os.getpid()}"
    names = [n for n in suite.scenarios.split(",") if n]
    unknown = [n for n in names if n not in SCENARIOS]
    if unknown:
        parser.error(f"unknown scenarios {unknown}; choose from {sorted(SCENARIOS)}")
    os.makedirs(suite.work, exist_ok=True)
    if suite.broker == "tansu":
        if not suite.tansu:
            parser.error("--broker tansu needs --tansu PATH")
        suite.cluster = TansuCluster(suite.tansu, suite.work)
        for name in ("faults", "refused"):
            if name in names:
                log(f"{name}: skipped, Tansu takes no fault commands")
                names.remove(name)
    else:
        suite.cluster = MockCluster(suite.byline, suite.work)
    log(f"reliability on {suite.broker} ({suite.cluster.bootstrap}): {', '.join(names)}; "
        f"{suite.seconds:.0f} s of feed at {suite.rate:.0f} records/s each")
    results = {}
    try:
        for name in names:
            log(f"{name}: {SCENARIOS[name].__doc__.strip() if SCENARIOS[name].__doc__ else ''}")
            suite.current = None
            try:
                SCENARIOS[name](suite)
                scenario = suite.current
                scenario.finish()
            except Exception as error:  # the suite reports and goes on to the next scenario
                scenario = suite.current
                if scenario is None:
                    results[name] = {"passed": False, "error": str(error)}
                    log(f"{name}: FAILED: {error}")
                    continue
                scenario.fail(f"{type(error).__name__}: {error}")
                scenario.finish()
            finally:
                if scenario:
                    for worker in scenario.running():
                        worker.kill()
            results[name] = scenario.figures
            figures = ", ".join(f"{k} {v}" for k, v in scenario.figures.items() if k != "passed")
            log(f"{name}: {'passed' if scenario.figures['passed'] else 'FAILED'}: {figures}")
    finally:
        suite.cluster.stop()
        with open(os.path.join(suite.work, "summary.json"), "w") as out:
            json.dump({"broker": suite.broker, "scenarios": results}, out, indent=2)
    passed = sum(1 for r in results.values() if r.get("passed"))
    log(f"reliability: {passed} passed, {len(results) - passed} failed")
    return 0 if passed == len(results) and results else 1


if __name__ == "__main__":
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    sys.exit(main())
