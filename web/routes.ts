import { type RouteConfig, index, route } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('healthz', 'routes/healthz.ts'),
  route('setup', 'routes/setup.tsx'),
  route('login', 'routes/login.tsx'),
  route('logout', 'routes/logout.ts'),
  route('account/password', 'routes/account.tsx'),
  route('settings/greenhouse', 'routes/connect-greenhouse.tsx'),
  route('settings/users', 'routes/users.tsx'),
  route('jobs', 'routes/jobs.tsx'),
  route('jobs/:jobId', 'routes/job.tsx'),
  route('jobs/:jobId/rules', 'routes/job-rules.tsx'),
  route('jobs/:jobId/stages', 'routes/job-stages.tsx'),
  route('jobs/:jobId/import', 'routes/job-import.tsx'),
  route('jobs/:jobId/people/:personId/why', 'routes/job-person-why.tsx'),
  route('jobs/:jobId/backtest', 'routes/job-backtest.tsx'),
  route('approvals', 'routes/approvals.tsx'),
  route('notifications', 'routes/notifications.tsx'),
  route('ops', 'routes/ops.tsx'),
  route('webhooks/greenhouse', 'routes/webhooks.greenhouse.ts'),
  route('api/outreach-events', 'routes/api.outreach-events.ts'),
] satisfies RouteConfig;
