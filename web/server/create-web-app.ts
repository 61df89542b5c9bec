import type { Server } from 'node:http';
import express from 'express';
import type { ServerBuild } from 'react-router';
import { capRequestBodies } from './body-limits';
import type { PilothouseContext } from './load-context';
import { createRequestHandler } from './request-handler';
import { securityHeaders } from './security-headers';

const projectRoot = new URL('../../', import.meta.url).pathname;

/**
 * The HTTP app: React Router (loaders/actions) behind Express. In development Vite compiles the
 * routes on demand; in production the pre-built `build/` is served. `httpServer` is the server the
 * app will listen on (Vite's WebSocket shares it).
 */
export async function createWebApp(context: PilothouseContext, httpServer: Server) {
  const app = express();
  app.disable('x-powered-by');
  // Behind a proxy, the client's address comes from X-Forwarded-For only when TRUST_PROXY says which
  // hops to believe; otherwise anyone could pick the address sign-in throttling counts against.
  if (context.env.TRUST_PROXY !== undefined) app.set('trust proxy', context.env.TRUST_PROXY);
  app.use(securityHeaders(context.env.NODE_ENV));
  // Before anything reads a body (Vite, React Router): oversized bodies are refused unread.
  app.use(capRequestBodies());
  // One set of services; only the caller's address (sign-in throttling) and the CSP nonce differ per request.
  const mode = context.env.NODE_ENV;
  const getLoadContext = (req: express.Request, res: express.Response) => ({
    ...context,
    clientAddress: req.ip ?? 'unknown',
    cspNonce: String(res.locals.cspNonce ?? ''),
  });
  let closeVite = async () => {};

  if (context.env.NODE_ENV === 'production') {
    app.use(
      '/assets',
      express.static(`${projectRoot}build/client/assets`, { immutable: true, maxAge: '1y' }),
    );
    app.use(express.static(`${projectRoot}build/client`, { maxAge: '1h' }));
    const build = (await import(`${projectRoot}build/server/index.js`)) as ServerBuild;
    app.use(createRequestHandler({ build, getLoadContext, mode }));
  } else {
    const vite = await import('vite').then((module) =>
      module.createServer({
        root: projectRoot,
        // Vite's socket rides on the app's own HTTP server instead of its fixed port 24678, so several
        // apps (tests, a second checkout) run side by side. It cannot simply be switched off: the page
        // always loads Vite's client, which then fails without a socket. No hot reload outside development.
        server: {
          middlewareMode: true,
          ws: { server: httpServer },
          ...(context.env.NODE_ENV === 'development' ? {} : { hmr: false }),
        },
        appType: 'custom',
        logLevel: 'warn',
        // Scan every route up front: a dependency found late makes Vite re-optimise and reload the
        // page mid-visit, which breaks the first load of a fresh checkout.
        optimizeDeps: {
          entries: ['web/root.tsx', 'web/routes/**/*.tsx'],
          include: [
            'react',
            'react-dom',
            'react-dom/client',
            'react-router',
            '@xyflow/react',
            '@dagrejs/dagre',
            'zod',
          ],
        },
      }),
    );
    closeVite = () => vite.close();
    const loadBuild = async () =>
      (await vite.ssrLoadModule('virtual:react-router/server-build')) as ServerBuild;
    // Compiled before the app listens, not on the first request: on a fresh checkout of a busy
    // machine that takes longer than Greenhouse waits for a webhook answer (10 s), and a web app
    // that says it is up should answer at once. Later requests get Vite's cached (or edited) modules.
    await loadBuild().catch(async (error: unknown) => {
      if (error instanceof Error) vite.ssrFixStacktrace(error);
      await vite.close();
      throw error;
    });
    app.use(vite.middlewares);
    app.use(async (req, res, next) => {
      try {
        const build = await loadBuild();
        return createRequestHandler({ build, getLoadContext, mode })(req, res, next);
      } catch (error) {
        if (error instanceof Error) vite.ssrFixStacktrace(error);
        next(error);
      }
    });
  }
  return { app, closeVite };
}
