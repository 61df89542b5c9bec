import type { Config } from '@react-router/dev/config';

export default {
  appDirectory: 'web',
  buildDirectory: 'build',
  ssr: true,
  // React Router 8's changes, declined explicitly for now (and so not warned about on every start):
  // the app is tested as it behaves today; opting in is a change of its own, with the browser suite.
  future: {
    v8_splitRouteModules: false,
    v8_viteEnvironmentApi: false,
    v8_passThroughRequests: false,
    v8_trailingSlashAwareDataRequests: false,
    v8_middleware: false,
  },
} satisfies Config;
