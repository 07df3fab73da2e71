// Validates every document of a multi-document YAML stream (stdin, e.g. `kubectl kustomize deploy/k8s`) against the
// Kubernetes schemas of kubernetes-models, and KEDA's for keda.sh resources, offline. A kind without a schema fails:
// nothing passes unchecked. Prints one line per problem; exit status 1 when there is any.
import { parseAllDocuments } from "yaml";

const packages = { "keda.sh": "@kubernetes-models/keda" };

async function modelFor(apiVersion, kind) {
  const group = apiVersion.includes("/") ? apiVersion.slice(0, apiVersion.lastIndexOf("/")) : "";
  const root = packages[group] ?? "kubernetes-models";
  try {
    const module = await import(`${root}/${apiVersion}/${kind}`);
    return module[kind] ?? module.default;
  } catch {
    return undefined;
  }
}

const input = await new Promise((resolve) => {
  let text = "";
  process.stdin.setEncoding("utf8");
  process.stdin.on("data", (chunk) => (text += chunk));
  process.stdin.on("end", () => resolve(text));
});

const problems = [];
let checked = 0;
for (const document of parseAllDocuments(input)) {
  if (document.errors.length > 0) {
    problems.push(`YAML: ${document.errors[0].message}`);
    continue;
  }
  const resource = document.toJS();
  if (resource === null || resource === undefined) continue;
  const name = `${resource.kind ?? "?"}/${resource.metadata?.name ?? "?"}`;
  const Model = typeof resource.apiVersion === "string" && typeof resource.kind === "string"
    ? await modelFor(resource.apiVersion, resource.kind)
    : undefined;
  if (!Model) {
    problems.push(`${name}: no schema for apiVersion ${resource.apiVersion} kind ${resource.kind}`);
    continue;
  }
  try {
    new Model(resource).validate();
    checked++;
  } catch (error) {
    const details = (error.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ");
    problems.push(`${name}: ${details || error.message}`);
  }
}

for (const problem of problems) console.log(problem);
console.log(`${checked} valid, ${problems.length} invalid`);
process.exit(problems.length > 0 || checked === 0 ? 1 : 0);
