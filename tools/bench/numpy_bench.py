"""numpy versions of the two benchmark workloads, vectorised in chunks of draws.

Called by tools/bench/run.ts with one JSON argument (the workloads of config.ts and "only":
"ticket" or "market", so that run.ts can alternate numpy and JavaScript measurements in rounds);
prints one JSON line per figure. Each estimator computes what the JavaScript engine computes: the power sums
needed for the mean, the variance and the variance's standard error.
"""
import json
import sys
import time

import numpy as np


def power_sums(y, sums):
    y2 = y * y
    sums[0] += y.sum()
    sums[1] += y2.sum()
    sums[2] += (y2 * y).sum()
    sums[3] += (y2 * y2).sum()


def ticket(n, d, mu, samples, chunk, seed):
    """V = R_T (1+d)^(-T): geometric T, exponential R, one exp per sample."""
    rng = np.random.default_rng(seed)
    log_x = -np.log1p(d)
    shift = mu / (n * d + 1)
    sums = np.zeros(4)
    for start in range(0, samples, chunk):
        m = min(chunk, samples - start)
        t = rng.geometric(1.0 / n, m)
        r = rng.exponential(mu, m)
        power_sums(r * np.exp(t * log_x) - shift, sums)
    return sums[0] / samples + shift


def market(n, d, mu, share, horizon, paths, chunk, seed):
    """Slot-level market: paths x horizon draws per chunk, first occurrence of (path, position) = original."""
    rng = np.random.default_rng(seed)
    k = round(share * n)
    price = mu / (n * d + 1)
    discount = np.exp(np.arange(1, horizon + 1) * -np.log1p(d))
    per_chunk = max(1, chunk // horizon)
    sums = {name: np.zeros(4) for name in ("total", "issued", "unissued", "static", "gross", "net")}
    for start in range(0, paths, per_chunk):
        p = min(per_chunk, paths - start)
        position = rng.integers(0, n, size=(p, horizon))
        reward = rng.exponential(mu, size=(p, horizon))
        pv = reward * discount
        keys = (np.arange(p)[:, None] * n + position).ravel()
        _, first = np.unique(keys, return_index=True)
        original = np.zeros(p * horizon, dtype=bool)
        original[first] = True
        original = original.reshape(p, horizon)
        mine = position < k
        total = pv.sum(axis=1)
        issued = np.where(original, pv, 0.0).sum(axis=1)
        values = {
            "total": total,
            "issued": issued,
            "unissued": np.where(original, 0.0, pv).sum(axis=1),
            "static": np.where(original & mine, pv, 0.0).sum(axis=1),
            "gross": np.where(mine, pv, 0.0).sum(axis=1),
            "net": np.where(mine, (reward - price) * discount, 0.0).sum(axis=1),
        }
        for name, v in values.items():
            power_sums(v, sums[name])
    return sums["total"][0] / paths


def best_of(repeats, fn, *args):
    """The fastest of `repeats` runs (as for the JavaScript figures): (value, seconds)."""
    best = None
    for _ in range(repeats):
        t0 = time.perf_counter()
        value = fn(*args)
        seconds = time.perf_counter() - t0
        if best is None or seconds < best[1]:
            best = (value, seconds)
    return best


def main():
    config = json.loads(sys.argv[1])
    t, m = config["ticket"], config["market"]
    chunk = config["chunk"]
    repeats = config.get("repeats", 1)
    only = config.get("only")
    if only in (None, "ticket"):
        ticket(t["n"], t["d"], t["mu"], chunk, chunk, 0)  # warm-up: first-call overheads
        mean, seconds = best_of(repeats, ticket, t["n"], t["d"], t["mu"], t["samples"], chunk, 1)
        print(json.dumps({"figure": "ticket_value_samples_per_s", "impl": "numpy", "value": t["samples"] / seconds,
                          "unit": "1/s", "samples": t["samples"], "seconds": seconds, "bestOf": repeats, "mean": mean,
                          "numpy": np.__version__}), flush=True)
    if only in (None, "market"):
        market(m["n"], m["d"], m["mu"], m["share"], m["horizon"], max(1, chunk // m["horizon"]), chunk, 0)
        events = m["paths"] * m["horizon"]
        mean, seconds = best_of(repeats, market, m["n"], m["d"], m["mu"], m["share"], m["horizon"], m["paths"], chunk, 2)
        print(json.dumps({"figure": "market_slot_events_per_s", "impl": "numpy", "value": events / seconds,
                          "unit": "1/s", "slotEvents": events, "seconds": seconds, "bestOf": repeats, "totalMean": mean,
                          "numpy": np.__version__}), flush=True)


if __name__ == "__main__":
    main()
