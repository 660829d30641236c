import { type RouteConfig, index, route } from '@react-router/dev/routes';

export default [
  index('routes/home.tsx'),
  route('login', 'routes/login.tsx'),
  route('signup', 'routes/signup.tsx'),
  route('logout', 'routes/logout.ts'),
  route('locale', 'routes/locale.ts'),
  route('settings', 'routes/settings.tsx'),
  route('bases/:baseId/tables/:tableId', 'routes/table.tsx'),
  route('forms/:shareId', 'routes/form.tsx'),
] satisfies RouteConfig;
