/**
 * Planned sweeps: one plan (plan.json) from which Slurm, GNU parallel and Kubernetes files are
 * generated; shards that find themselves from the scheduler's variables and record provenance;
 * a merge that verifies every shard and says how to resubmit the missing ones.
 *
 * @module
 */
export {
  makePlan,
  planHash,
  readPlan,
  planFile,
  projectRoot,
  PLAN_FORMAT,
  SCHEDULERS,
  K8S_PLACEHOLDERS,
  type MakePlanOptions,
  type PlanIdentity,
  type PlanResources,
  type ReadPlanOptions,
  type Scheduler,
  type SweepPlan,
} from "./plan";
export { writePlan, type WritePlanOptions, type WrittenPlan, type PlanFile } from "./write-plan";
export { planLayout } from "./layout";
export { runPlannedShard, type RunPlannedShardOptions, type PlannedShardResult } from "./run-planned-shard";
export {
  mergePlan,
  planStatus,
  resubmitCommands,
  type MergedPlan,
  type PlanDirOptions,
  type PlanStatus,
  type ResubmitCommandsOptions,
  type ShardState,
} from "./merge-plan";
export { SweepTaskError, SweepInfrastructureError, IncompleteSweepError } from "./errors";
export { indexedJob, kubernetesMemory, K8S_PLAN_MOUNT } from "./emit-kubernetes";
export { shardProvenance, gitCommit, type ShardProvenance } from "./provenance";
