import * as net from "node:net";

export interface FreePortsOptions {
  /** How many distinct ports. */
  count: number;
  /** Interface to probe; the kernel binds the same one. */
  host: string;
}

/**
 * Asks the OS for `count` distinct free TCP ports: all probe servers stay open until every port
 * is known, so no port is handed out twice. (Another process may still take one before the
 * kernel binds it; the kernel start retries on "address in use".)
 */
export async function freePorts({ count, host }: FreePortsOptions): Promise<number[]> {
  const servers: net.Server[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < count; i++) {
      const server = net.createServer();
      servers.push(server);
      await new Promise<void>((resolve, reject) => {
        server.once("error", reject);
        server.listen(0, host, () => resolve());
      });
      ports.push((server.address() as net.AddressInfo).port);
    }
    return ports;
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}
