// A strict TypeScript program that uses the packed packages as an npm user would. It is compiled under
// moduleResolution nodenext and bundler, then run against the mock; it prints what it saw as one JSON line.
import {
  createPoolsClient,
  ModelArtsApiError,
  ModelArtsNetworkError,
  ModelArtsPoolFailedError,
  signRequest,
  type CreatePoolRequest,
  type Pool,
  type WaitForPoolOptions,
} from "@modelarts-pools/client";
import { clientOptionsFromEnv } from "@modelarts-pools/client/env";
import { rawClientOf } from "@modelarts-pools/client/raw";
import type { PoolPhase, PoolStatus, UpdatePoolRequest } from "@modelarts-pools/types";

declare const process: { env: Record<string, string | undefined>; version: string };

const body: CreatePoolRequest = {
  apiVersion: "v2",
  kind: "Pool",
  metadata: { labels: { "os.modelarts/name": `consumer-${process.version.replace(/\D/g, "")}` } },
  spec: {
    type: "Dedicate",
    scope: ["Train"],
    network: { name: "net-0123-86c13962597848eeb29c5861153a391f" },
    resources: [{ flavor: "modelarts.vm.gpu.tnt004", count: 2 }],
  },
};

// @ts-expect-error count is an integer: the packed types must still say so
const wrongCount: CreatePoolRequest = { ...body, spec: { ...body.spec!, resources: [{ flavor: "x", count: "2" }] } };
void wrongCount;

const phase: PoolPhase | undefined = ({} as PoolStatus).phase;
void phase;

const pools = createPoolsClient({ projectId: "consumer-project", endpoint: process.env["MOCK_URL"]!, auth: { token: "consumer-token-0123456789" } });
const created: Pool = await pools.createPool(body);
const patch: UpdatePoolRequest = { spec: { resources: [{ flavor: "modelarts.vm.gpu.tnt004", count: 4 }] } };
const updated = await pools.updatePool(created.metadata.name, patch);
const { data: patchedByRaw } = await rawClientOf(pools).PATCH("/v2/{project_id}/pools/{pool_name}", {
  params: { path: { project_id: pools.projectId, pool_name: created.metadata.name } },
  body: { spec: { resources: [{ flavor: "modelarts.vm.gpu.tnt004", count: 5 }] } },
});

let conflict: string | undefined;
try {
  await pools.createPool(body);
} catch (error) {
  if (error instanceof ModelArtsApiError) conflict = error.code;
}

// The whole life of a pool, on the stateful mock the test starts with short phases (creatingMs, deletingMs): each wait
// is for a state the mock reaches by itself; its time-out only catches a hang.
const waiting = { intervalMs: 50, timeoutMs: 120_000 } satisfies Partial<WaitForPoolOptions>;
const lifeName = `life-${process.version.replace(/\D/g, "")}`;
const born = await pools.createPool({ ...body, metadata: { labels: { "os.modelarts/name": lifeName } } });
const name = born.metadata.name;
const running = await pools.waitForPool(name, { ...waiting, until: "Running" });
const listed = await pools.listPools({ labelSelector: `os.modelarts/name=${lifeName}` });
await pools.updatePool(name, { spec: { resources: [{ flavor: "modelarts.vm.gpu.tnt004", count: 3 }] } });
const shown = await pools.getPool(name);

// Its nodes, one per count (3 after the update): every page of them through the iterator, one node a page; then one
// batch-deleted, and the pool's count falls with it.
const nodeNames: string[] = [];
for await (const node of pools.listPoolNodesAll(name, { limit: 1 })) nodeNames.push(node.metadata.name);
const firstPage = await pools.listPoolNodes(name, { limit: 1 });
await pools.batchDeletePoolNodes(name, { deleteNodeNames: [nodeNames[0]!] });
const afterNodeDelete = await pools.getPool(name);
const flavors = await pools.listResourceFlavors({ limit: 50 });

const deletion = await pools.deletePool(name);
const gone = await pools.waitForPool(name, { ...waiting, until: "deleted" });
let afterDelete: number | undefined;
try {
  await pools.getPool(name);
} catch (error) {
  if (error instanceof ModelArtsApiError) afterDelete = error.status;
}

// A pool the mock is asked to fail: waiting for Running rejects at once with the pool as last answered.
const doomed = await pools.createPool(
  { ...body, metadata: { labels: { "os.modelarts/name": `doomed-${process.version.replace(/\D/g, "")}` } } },
  { headers: { Prefer: "phase=CreationFailed" } },
);
let failedPhase: string | undefined;
try {
  await pools.waitForPool(doomed.metadata.name, { ...waiting, until: "Running" });
} catch (error) {
  if (error instanceof ModelArtsPoolFailedError) failedPhase = error.pool.status.phase;
}

let unreachable: string | undefined;
try {
  await createPoolsClient({ projectId: "p", endpoint: "http://127.0.0.1:9" }).updatePool("x", {});
} catch (error) {
  if (error instanceof ModelArtsNetworkError) unreachable = error.name;
}

// AK/SK from the environment (HUAWEICLOUD_SDK_AK, _SK, _PROJECT_ID), as the official SDKs read them: the test's mock
// verifies every signature as the API gateway does, so these calls pass only if the packed client signs correctly.
const signedPools = createPoolsClient(clientOptionsFromEnv({ endpoint: process.env["MOCK_URL"]! }));
const signedCreate = await signedPools.createPool({ ...body, metadata: { labels: { "os.modelarts/name": `signed-${process.version.replace(/\D/g, "")}` } } });
const signedUpdate = await signedPools.updatePool(signedCreate.metadata.name, { spec: { resources: [{ flavor: "modelarts.vm.gpu.tnt004", count: 2 }] } });
let swapped: string | undefined;
try {
  const { accessKey, secretKey } = clientOptionsFromEnv({ endpoint: process.env["MOCK_URL"]! }).auth as { accessKey: string; secretKey: string };
  await createPoolsClient({ projectId: signedPools.projectId, endpoint: process.env["MOCK_URL"]!, auth: { accessKey: secretKey, secretKey: accessKey } }).listPools();
} catch (error) {
  if (error instanceof ModelArtsApiError) swapped = `${error.status} ${error.code}`;
}

const signed = await signRequest(
  { method: "GET", url: "https://service.region.example.com/v1/77b6a44cba5143ab91d13ab9a8ff44fd/vpcs?limit=2&marker=13551d6b-755d-4757-b956-536f674975c0", headers: { "Content-Type": "application/json" } },
  { accessKey: "QTWAOYTTINDUT2QVKYUC", secretKey: "MFyfvK41ba2giqM7Uio6PznpdUKGpownRZlmVmHc" },
  new Date("2019-11-15T03:36:55Z"),
);

console.log(
  JSON.stringify({
    node: process.version,
    created: created.metadata.name,
    count: updated.spec.resources?.[0]?.count,
    rawCount: patchedByRaw?.spec.resources?.[0]?.count,
    conflict,
    lifecycle: {
      born: born.status.phase ?? null,
      running: running.status.phase,
      listed: listed.map((pool) => pool.metadata.name),
      shownCount: shown.spec.resources?.[0]?.count,
      deleting: deletion.metadata.deletionTimestamp !== undefined,
      gone: gone === undefined,
      afterDelete,
      failedPhase,
    },
    nodes: {
      names: nodeNames,
      pages: firstPage.metadata?.continue ? "more than one" : "one",
      countAfterDelete: afterNodeDelete.spec.resources?.[0]?.count,
      flavors: flavors.items.map((flavor) => flavor.metadata.name),
    },
    unreachable,
    akSk: { count: signedUpdate.spec.resources?.[0]?.count, swapped },
    signature: signed["Authorization"]?.split("Signature=")[1],
  }),
);
