import { redirect } from 'react-router';
import type { Route } from './+types/logout';
import { signOut, verifyCsrf } from '../server/auth.server';

export async function loader() {
  return redirect('/');
}

export async function action({ request, context }: Route.ActionArgs) {
  await verifyCsrf(request, context, await request.formData());
  throw redirect('/login', { headers: { 'Set-Cookie': await signOut(request, context) } });
}
