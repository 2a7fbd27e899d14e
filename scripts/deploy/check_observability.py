"""Checks the Prometheus alert rules and the Grafana dashboard in deploy/ offline.

- The rule file's structure: every alert has expr, for, labels.severity and the
  annotations summary, description and runbook_url (a README section that exists).
- Every PromQL expression, in the rules and in the dashboard, parses (promql-parser, the
  Rust parser that follows Prometheus' grammar, function signatures included).
- Every metric they use is one the worker exports: the names, types and label names are
  read from Sources/BylineWorker/WorkerMetrics.swift, so the check follows the code. Label
  matchers and by/on clauses use labels those metrics have; counters appear only inside
  rate/irate/increase/resets, gauges never. Every exported metric is on the dashboard.
- The dashboard's structure: unique panel ids, panels on the 24-column grid without
  overlap, every panel with targets that have an expression, the ${DS_PROMETHEUS}
  datasource declared (import input and datasource variable) and used everywhere, and
  every $variable declared.
- Where promtool is installed (Debian's `prometheus` package): `promtool check rules` and
  the rule unit tests (`promtool test rules`).

Run from the repository root; paths can be given to check other files."""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys

import promql_parser
import yaml

arguments = argparse.ArgumentParser(description=__doc__.split("\n")[0])
arguments.add_argument("--rules", default="deploy/prometheus/byline-alerts.yaml")
arguments.add_argument("--rule-tests", default="deploy/prometheus/byline-alerts.test.yaml")
arguments.add_argument("--dashboard", default="deploy/grafana/byline-dashboard.json")
arguments.add_argument("--metrics-source", default="Sources/BylineWorker/WorkerMetrics.swift")
arguments.add_argument("--backend-source", default="Sources/byline/RunCommand.swift")
options = arguments.parse_args()

failures = []


def fail(message):
    failures.append(message)


# --- What the worker exports -------------------------------------------------------------
# swift-metrics objects created with a literal label; swift-prometheus (the backend `byline
# run` bootstraps) turns a Timer into a histogram, a Gauge or Meter into a gauge.
target_labels = {"job", "instance"}  # added by Prometheus to every scraped series
source = open(options.metrics_source).read()
if "PrometheusMetricsFactory" not in open(options.backend_source).read():
    fail(f"{options.backend_source} no longer bootstraps PrometheusMetricsFactory: the metric types below assume it")
exported = {}  # series name -> (type, base metric name, label names)
declaration = re.compile(
    r"\b(Counter|FloatingPointCounter|Gauge|Meter|Recorder|Timer)\(\s*label:\s*\"([^\"]+)\""
    r"(?:\s*,\s*dimensions:\s*\[(.*?)\]\s*(?=,\s*(?:aggregate|factory)|\)))?"
    r"(?:\s*,\s*aggregate:\s*(true|false))?",
    re.DOTALL,
)
for kind, name, dimensions, aggregate in declaration.findall(source):
    labels = set(re.findall(r"\(\s*\"([A-Za-z_][A-Za-z0-9_]*)\"\s*,", dimensions or ""))
    if kind in ("Counter", "FloatingPointCounter"):
        exported[name] = ("counter", name, labels)
    elif kind in ("Gauge", "Meter") or (kind == "Recorder" and aggregate == "false"):
        exported[name] = ("gauge", name, labels)
    else:  # Timer, or an aggregating Recorder: a histogram
        exported[name + "_bucket"] = ("counter", name, labels | {"le"})
        exported[name + "_sum"] = ("counter", name, labels)
        exported[name + "_count"] = ("counter", name, labels)
if len({base for _, base, _ in exported.values()}) < 5:
    fail(f"found only {sorted(exported)} in {options.metrics_source}: has the way metrics are declared changed?")
# Series Prometheus itself writes for every target.
exported["up"] = ("gauge", "up", set())
all_labels = target_labels.union(*(labels for _, _, labels in exported.values()))

RATE_FUNCTIONS = {"rate", "irate", "increase", "resets"}
GRAFANA_INTERVALS = re.compile(r"\$(__rate_interval|__interval|__range)\b|\$\{(__rate_interval|__interval|__range)\}")


def check_expression(where, text, recorded=(), series_only=False):
    """Parses one PromQL expression and checks the metrics and labels it uses; returns the
    base metric names it reads. A series selector alone (series_only, as label_values takes)
    may name a counter."""
    try:
        expression = promql_parser.parse(text)
    except Exception as error:  # the parser raises ValueError with Prometheus' message
        fail(f"{where}: PromQL does not parse: {error}: {text.strip()}")
        return set()
    stack, used, grouping, selector_labels = [], set(), set(), set()

    def pre(node):
        if isinstance(node, promql_parser.VectorSelector):
            name = node.name
            call = next((n.func.name for n in reversed(stack) if isinstance(n, promql_parser.Call)), None)
            if name is None:
                fail(f"{where}: a selector without a metric name: {text.strip()}")
            elif name in recorded:
                used.add(name)
            elif name not in exported:
                fail(f"{where}: metric {name} is not exported by the worker ({options.metrics_source}) nor by Prometheus")
            else:
                kind, base, labels = exported[name]
                used.add(base)
                selector_labels.update(labels)
                for matcher in node.matchers.matchers:
                    if matcher.name != "__name__" and matcher.name not in labels | target_labels:
                        fail(f"{where}: {name} has no label {matcher.name} (it has {sorted(labels | target_labels)})")
                if kind == "counter" and call not in RATE_FUNCTIONS and not series_only:
                    fail(f"{where}: counter {name} is read outside rate/irate/increase/resets")
                if kind == "gauge" and call in RATE_FUNCTIONS:
                    fail(f"{where}: gauge {name} is read inside {call}(), which is for counters")
        elif isinstance(node, promql_parser.AggregateExpr) and node.modifier is not None:
            grouping.update(node.modifier.labels)
        elif isinstance(node, promql_parser.BinaryExpr) and node.modifier is not None:
            if node.modifier.matching is not None:
                grouping.update(node.modifier.matching.labels)
            grouping.update(node.modifier.group_labels or [])
        stack.append(node)

    def post(node):
        stack.pop()

    promql_parser.walk(expression, pre, post)
    for label in sorted(grouping - selector_labels - target_labels):
        fail(f"{where}: groups or matches on label {label}, which none of its metrics has")
    return used


def markdown_anchors(path):
    anchors = set()
    for line in open(path):
        heading = re.match(r"#+\s+(.*?)\s*$", line)
        if heading:
            anchors.add(re.sub(r"[^\w\- ]", "", heading.group(1).lower()).replace(" ", "-"))
    return anchors


# --- The alert rules -------------------------------------------------------------------
rules_document = yaml.safe_load(open(options.rules))
groups = rules_document.get("groups") if isinstance(rules_document, dict) else None
if not isinstance(groups, list) or not groups or set(rules_document) != {"groups"}:
    fail(f"{options.rules}: a rule file is a mapping with one key, groups, a non-empty list")
    groups = []
recorded = {rule["record"] for group in groups for rule in group.get("rules") or [] if isinstance(rule, dict) and "record" in rule}
group_names, alert_names, alert_count, used_by_rules = set(), set(), 0, set()
for group in groups:
    name = group.get("name")
    if not name or name in group_names:
        fail(f"{options.rules}: every group needs a unique name (got {name!r})")
    group_names.add(name)
    if set(group) - {"name", "interval", "limit", "rules"}:
        fail(f"{options.rules}: group {name}: unknown keys {sorted(set(group) - {'name', 'interval', 'limit', 'rules'})}")
    if not group.get("rules"):
        fail(f"{options.rules}: group {name} has no rules")
    for rule in group.get("rules") or []:
        where = f"{options.rules}: {rule.get('alert') or rule.get('record') or 'a rule'}"
        if "record" in rule:
            if set(rule) - {"record", "expr", "labels"}:
                fail(f"{where}: unknown keys {sorted(set(rule) - {'record', 'expr', 'labels'})}")
            if not re.fullmatch(r"[a-z_]+:[a-z0-9_]+:[a-z0-9_]+", rule["record"]):
                fail(f"{where}: recording rules are named level:metric:operations")
        elif "alert" in rule:
            alert_count += 1
            alert = rule["alert"]
            if set(rule) - {"alert", "expr", "for", "keep_firing_for", "labels", "annotations"}:
                fail(f"{where}: unknown keys {sorted(set(rule) - {'alert', 'expr', 'for', 'keep_firing_for', 'labels', 'annotations'})}")
            if not re.fullmatch(r"Byline[A-Z][A-Za-z0-9]+", str(alert)):
                fail(f"{where}: alert names are CamelCase starting with Byline")
            if alert in alert_names:
                fail(f"{where}: alert name used twice")
            alert_names.add(alert)
            if not re.fullmatch(r"(\d+(ms|s|m|h|d|w|y))+", str(rule.get("for"))):
                fail(f"{where}: needs `for`, a duration such as 10m (0m to fire at once), got {rule.get('for')!r}")
            severity = (rule.get("labels") or {}).get("severity")
            if severity not in ("critical", "warning", "info"):
                fail(f"{where}: labels.severity must be critical, warning or info, got {severity!r}")
            annotations = rule.get("annotations") or {}
            for key in ("summary", "description", "runbook_url"):
                if not str(annotations.get(key) or "").strip():
                    fail(f"{where}: needs annotations.{key}")
            for label in re.findall(r"\$labels\.([A-Za-z_][A-Za-z0-9_]*)", " ".join(map(str, annotations.values()))):
                if label not in all_labels:
                    fail(f"{where}: annotations use $labels.{label}, a label no metric has")
            runbook = str(annotations.get("runbook_url") or "")
            path, _, anchor = runbook.partition("#")
            if runbook and not re.match(r"[a-z]+://", runbook):
                if not os.path.isfile(path):
                    fail(f"{where}: runbook_url {runbook}: no file {path} in the repository")
                elif anchor and anchor not in markdown_anchors(path):
                    fail(f"{where}: runbook_url {runbook}: {path} has no section #{anchor}")
        else:
            fail(f"{where}: a rule has either alert or record")
            continue
        if not isinstance(rule.get("expr"), str) or not rule["expr"].strip():
            fail(f"{where}: needs expr")
            continue
        used_by_rules |= check_expression(where, rule["expr"], recorded)
if alert_count < 5:
    fail(f"{options.rules}: only {alert_count} alerts")

# --- The dashboard ---------------------------------------------------------------------
DATASOURCE = "${DS_PROMETHEUS}"
dashboard = json.load(open(options.dashboard))
where = options.dashboard
for key in ("uid", "title"):
    if not dashboard.get(key):
        fail(f"{where}: needs a {key}")
if not isinstance(dashboard.get("schemaVersion"), int) or dashboard["schemaVersion"] < 36:
    fail(f"{where}: schemaVersion {dashboard.get('schemaVersion')!r}: expected 36 or later (Grafana 9.4+)")
if not any(entry.get("name") == "DS_PROMETHEUS" and entry.get("type") == "datasource" and entry.get("pluginId") == "prometheus"
           for entry in dashboard.get("__inputs", [])):
    fail(f"{where}: __inputs must declare DS_PROMETHEUS, a prometheus datasource, for import")
variables = {variable.get("name"): variable for variable in dashboard.get("templating", {}).get("list", [])}
if variables.get("DS_PROMETHEUS", {}).get("type") != "datasource" or variables["DS_PROMETHEUS"].get("query") != "prometheus":
    fail(f"{where}: templating must declare DS_PROMETHEUS, a datasource variable of type prometheus, for provisioning")


def uses_datasource(owner, what):
    datasource = owner.get("datasource")
    if not isinstance(datasource, dict) or datasource.get("uid") != DATASOURCE or datasource.get("type") != "prometheus":
        fail(f"{where}: {what}: datasource must be {{type: prometheus, uid: {DATASOURCE}}}, got {datasource!r}")


def dashboard_expression(what, text, series_only=False):
    for variable in re.findall(r"\$\{?([A-Za-z_][A-Za-z0-9_]*)", text):
        if variable not in variables and not variable.startswith("__"):
            fail(f"{where}: {what}: uses ${variable}, which templating does not declare")
    return check_expression(f"{where}: {what}", GRAFANA_INTERVALS.sub("5m", text), series_only=series_only)


used_by_dashboard = set()
for name, variable in variables.items():
    if variable.get("type") == "query":
        uses_datasource(variable, f"variable {name}")
        query = variable.get("query")
        query = query.get("query") if isinstance(query, dict) else query
        call = re.fullmatch(r"\s*label_values\((.+),\s*([A-Za-z_][A-Za-z0-9_]*)\)\s*", str(query))
        if not call:
            fail(f"{where}: variable {name}: expected label_values(selector, label), got {query!r}")
            continue
        dashboard_expression(f"variable {name}", call.group(1), series_only=True)
        metric = exported.get(call.group(1).split("{")[0].strip())
        if metric and call.group(2) not in metric[2] | target_labels:
            fail(f"{where}: variable {name}: {call.group(1)} has no label {call.group(2)}")

panels = []
for panel in dashboard.get("panels", []):
    panels.append(panel)
    panels.extend(panel.get("panels", []))  # those of collapsed rows
ids, cells, panel_count, expression_count = set(), {}, 0, 0
for panel in panels:
    what = f"panel {panel.get('id')} {panel.get('title')!r}"
    if not isinstance(panel.get("id"), int) or panel["id"] in ids:
        fail(f"{where}: {what}: panel ids must be unique integers")
    ids.add(panel.get("id"))
    if not panel.get("title"):
        fail(f"{where}: {what}: needs a title")
    grid = panel.get("gridPos") or {}
    if not all(isinstance(grid.get(key), int) for key in "xywh") or grid["x"] < 0 or grid["w"] < 1 or grid["x"] + grid["w"] > 24:
        fail(f"{where}: {what}: gridPos needs integer x, y, w, h within 24 columns, got {grid}")
    else:
        for x in range(grid["x"], grid["x"] + grid["w"]):
            for y in range(grid["y"], grid["y"] + grid["h"]):
                if (x, y) in cells and panel.get("type") != "row":
                    fail(f"{where}: {what} overlaps panel {cells[(x, y)]}")
                    break
                cells[(x, y)] = panel.get("id")
            else:
                continue
            break
    if panel.get("type") == "row":
        continue
    panel_count += 1
    uses_datasource(panel, what)
    targets = panel.get("targets") or []
    if not targets:
        fail(f"{where}: {what}: has no targets")
    reference_ids = [target.get("refId") for target in targets]
    if None in reference_ids or len(set(reference_ids)) != len(reference_ids):
        fail(f"{where}: {what}: every target needs a unique refId, got {reference_ids}")
    for target in targets:
        if "datasource" in target:
            uses_datasource(target, f"{what} target {target.get('refId')}")
        if not str(target.get("expr") or "").strip():
            fail(f"{where}: {what} target {target.get('refId')}: needs an expr")
            continue
        expression_count += 1
        used_by_dashboard |= dashboard_expression(f"{what} target {target.get('refId')}", target["expr"])

for base in sorted({base for name, (_, base, _) in exported.items() if name != "up"} - used_by_dashboard):
    fail(f"{where}: the worker exports {base} but no panel shows it")

# --- promtool, where installed ---------------------------------------------------------
promtool = os.environ.get("PROMTOOL") or shutil.which("promtool")
if promtool:
    for command in ([promtool, "check", "rules", options.rules], [promtool, "test", "rules", options.rule_tests]):
        result = subprocess.run(command, capture_output=True, text=True)
        if result.returncode != 0:
            fail(f"{' '.join(command[1:])} failed:\n{result.stdout}{result.stderr}")
    promtool_note = "promtool check rules and rule unit tests pass"
else:
    promtool_note = "promtool not installed (Debian package prometheus): rule unit tests skipped"

for failure in failures:
    print(f"observability check failed: {failure}", file=sys.stderr)
if failures:
    sys.exit(1)
metric_count = len({base for name, (_, base, _) in exported.items() if name != "up"})
print(f"Alerts and dashboard: {alert_count} alerts and {panel_count} panels ({expression_count} queries) parse as PromQL "
      f"and use only the {metric_count} metrics WorkerMetrics.swift exports (plus up); {promtool_note}")
