/**
 * Creating a sale mechanism from its JSON parameters.
 */
import * as validate from "../../validate";
import { BondingCurveMechanism } from "./bonding-curve";
import { Eip1559Mechanism } from "./eip1559";
import { FirstPriceMechanism } from "./first-price";
import { FixedPriceMechanism } from "./fixed-price";
import { SecondPriceMechanism } from "./second-price";
import {
  MECHANISM_KINDS,
  type MechanismContext,
  type MechanismKind,
  type MechanismSpec,
  type SaleMechanism,
} from "./types";

export * from "./types";

/** A mechanism spec from a kind or a spec object (validates the kind). */
export function normaliseMechanism(mechanism: unknown): MechanismSpec {
  if (typeof mechanism === "string") {
    return { kind: validate.oneOf("mechanism", mechanism, MECHANISM_KINDS) } as MechanismSpec;
  }
  if (mechanism === null || typeof mechanism !== "object") {
    throw new RangeError(
      `mechanism must be one of ${MECHANISM_KINDS.map((k) => JSON.stringify(k)).join(", ")} or an object {kind, ...}; received ${String(mechanism)}`,
    );
  }
  const kind = validate.oneOf("mechanism.kind", (mechanism as MechanismSpec).kind, MECHANISM_KINDS);
  // A misspelt option ({ kind: "fixed-price", prcie: 5 }) would silently run with the default.
  validate.knownKeys(`mechanism (${kind})`, mechanism, ["kind", ...MECHANISM_OPTIONS[kind]]);
  return mechanism as MechanismSpec;
}

/** The options each mechanism kind accepts besides `kind` (see the *Spec interfaces). */
export const MECHANISM_OPTIONS: Readonly<Record<MechanismKind, readonly string[]>> = {
  "fixed-price": ["price", "priceFactor"],
  "first-price": ["shading", "reserve"],
  "second-price": ["reserve"],
  eip1559: ["initialPrice", "priceFactor", "adjustFactor", "maxPerSlot", "minPrice", "maxOutstanding", "antiWindup"],
  "bonding-curve": ["basePrice", "priceFactor", "steepness", "maxPerSlot"],
};

/** A fresh mechanism object (mechanisms keep per-run state, e.g. the EIP-1559 price). */
export function createMechanism(spec: MechanismSpec, context: MechanismContext): SaleMechanism {
  const kind: MechanismKind = spec.kind;
  switch (spec.kind) {
    case "fixed-price":
      return new FixedPriceMechanism(spec, context);
    case "first-price":
      return new FirstPriceMechanism(spec, context);
    case "second-price":
      return new SecondPriceMechanism(spec, context);
    case "eip1559":
      return new Eip1559Mechanism(spec, context);
    case "bonding-curve":
      return new BondingCurveMechanism(spec, context);
    default:
      throw new RangeError(`mechanism.kind must be a known mechanism; received ${JSON.stringify(kind)}`);
  }
}
