/**
 * Closed forms of the Execution Tickets model (Burian & Crapis 2024 and extensions), one concept per
 * file. Timing convention everywhere: valuation at time 0, draws at slots t = 1, 2, …, a ticket's win
 * slot T ~ Geometric(1/n) on {1, 2, …}, present value X/(1+d)^t.
 *
 * @module
 */
export * from "./npv";
export * from "./ticket-value";
export * from "./value-capture";
export * from "./wait";
export * from "./variance";
export * from "./covariance";
export * from "./holding";
export * from "./stake";
export * from "./rates";
export * from "./capital-cost";
export * from "./risk-aversion";
export * from "./cara-exact";
export * from "./pooling";
export * from "./lookahead";
export * from "./formulas";
