/**
 * node:fs, node:path and the like for the browser bundles: module-level path arithmetic works
 * (the library computes some file names at import), anything that would touch a file throws.
 */
const unavailable = (what: string) => () => {
  throw new Error(`${what} is not available in a browser`);
};
export const resolve = (...parts: string[]) => parts.join("/");
export const join = (...parts: string[]) => parts.join("/");
export const dirname = (p: string) => p.slice(0, Math.max(0, p.lastIndexOf("/")));
export const basename = (p: string) => p.slice(p.lastIndexOf("/") + 1);
export const sep = "/";
export const existsSync = () => false;
export const readFileSync = unavailable("readFileSync");
export const readdirSync = unavailable("readdirSync");
export const statSync = unavailable("statSync");
export default { resolve, join, dirname, basename, sep, existsSync, readFileSync, readdirSync, statSync };
