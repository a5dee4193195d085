/**
 * The baseline for the mock benchmark: a trivial node:http server answering every request with a
 * small fixed JSON body. Run as its own process: `node --import tsx trivial-server.ts <port>`.
 */
import http from 'node:http';

const port = Number(process.argv[2] ?? 0);
const body = JSON.stringify({ results: [], ok: true });
const server = http.createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200, { 'content-type': 'application/json;charset=utf-8', 'content-length': Buffer.byteLength(body) });
    res.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => {
  const addr = server.address();
  console.log(`listening ${typeof addr === 'object' && addr ? addr.port : port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
