"""Checks deploy/ without a container engine: the compose file against the Compose
specification's schema, the Kubernetes manifests' cross-references that no schema covers
(KEDA's ScaledObject is a custom resource), and that compose, Kubernetes and `byline run`
agree on the environment variables."""
import json
import re
import subprocess
import sys
import zipfile

import jsonschema
import yaml

compose_wheel, byline = sys.argv[1], sys.argv[2]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)


# Compose: the schema shipped in docker-compose 1.29's wheel (the Compose specification).
with zipfile.ZipFile(compose_wheel) as wheel:
    compose_schema = json.loads(wheel.read("compose/config/compose_spec.json"))
compose = yaml.safe_load(open("deploy/docker-compose.yml"))
for error in jsonschema.Draft7Validator(compose_schema).iter_errors(compose):
    failures.append(f"docker-compose.yml: {'/'.join(map(str, error.path))}: {error.message}")

services = compose.get("services", {})
check(services.get("worker", {}).get("deploy", {}).get("replicas") == 3, "compose runs three workers")
check("byline" in " ".join(map(str, services.get("feeder", {}).get("entrypoint", []))), "compose has a feeder running byline produce")
topic_job = " ".join(services.get("topics", {}).get("command", []))
partitions = {name: int(count) for name, count in re.findall(r"([a-z.]+):(\d+)", topic_job)}
check(partitions.get("articles.raw", 0) >= 3, "the compose topic job creates articles.raw with at least as many partitions as workers")

# Kubernetes: the documents in deploy/k8s.
documents = {}
for name in ["configmap", "secret", "deployment", "service", "pdb", "keda-scaledobject"]:
    for document in yaml.safe_load_all(open(f"deploy/k8s/{name}.yaml")):
        documents[document["kind"]] = document
config = documents["ConfigMap"]["data"]
deployment = documents["Deployment"]
pod = deployment["spec"]["template"]["spec"]
container = pod["containers"][0]
scaled = documents["ScaledObject"]["spec"]
trigger = scaled["triggers"][0]

drain = float(config.get("BYLINE_DRAIN_TIMEOUT", "20"))
check(pod["terminationGracePeriodSeconds"] > drain, "terminationGracePeriodSeconds must exceed BYLINE_DRAIN_TIMEOUT")
check(container["livenessProbe"]["httpGet"]["path"] == "/healthz", "liveness probes /healthz")
check(container["readinessProbe"]["httpGet"]["path"] == "/readyz", "readiness probes /readyz")
check(scaled["scaleTargetRef"]["name"] == deployment["metadata"]["name"], "the ScaledObject scales the Deployment")
check(trigger["type"] == "kafka", "KEDA scales on Kafka lag")
check(trigger["metadata"]["consumerGroup"] == config["BYLINE_GROUP"], "KEDA watches the workers' group")
check(trigger["metadata"]["topic"] == config["BYLINE_INPUT"], "KEDA watches the input topic")
check(trigger["metadata"].get("allowIdleConsumers") == "false", "KEDA must not scale past the partition count")
check(scaled["maxReplicaCount"] <= partitions.get("articles.raw", 0),
      f"maxReplicaCount {scaled['maxReplicaCount']} exceeds the {partitions.get('articles.raw')} input partitions")
check(documents["Service"]["metadata"]["annotations"].get("prometheus.io/path") == "/metrics", "Prometheus scrapes /metrics")
secret_keys = set(documents["Secret"]["stringData"])
for reference in documents["TriggerAuthentication"]["spec"]["secretTargetRef"]:
    check(reference["key"] in secret_keys, f"TriggerAuthentication reads missing secret key {reference['key']}")

# Environment variables: what `byline run --help` reads is what compose and Kubernetes set.
help_text = subprocess.run([byline, "run", "--help"], capture_output=True, text=True, check=True).stdout
# Help lines wrap anywhere between words.
read_by_run = set(re.findall(r"env: (BYLINE_[A-Z_]+)\]", " ".join(help_text.split())))
used = set(services["worker"]["environment"]) | set(config) | {entry["name"] for entry in container.get("env", [])}
used |= set(services["feeder"]["environment"])
readme = open("README.md").read()
documented = set(re.findall(r"^\| `--[a-z-]+[^|]*\| `(BYLINE_[A-Z_]+)` \|", readme, re.MULTILINE))
check(documented == read_by_run, f"README's variable table and byline run differ: only in README {sorted(documented - read_by_run)}, only in byline run {sorted(read_by_run - documented)}")
unknown = {name for name in used if name not in read_by_run and not name.startswith("BYLINE_KAFKA_")}
check(not unknown, f"variables set in deploy/ that byline run does not read: {sorted(unknown)}")
check(len(read_by_run) >= 10, f"byline run --help names too few variables: {sorted(read_by_run)}")

for failure in failures:
    print(f"deploy check failed: {failure}", file=sys.stderr)
if failures:
    sys.exit(1)
print(f"deploy manifests: compose valid, {len(documents)} Kubernetes kinds consistent, {len(read_by_run)} BYLINE_* variables agree")
