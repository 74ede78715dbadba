/**
 * What the shell provides to the micro-frontends as `react-router` (src/areas.tsx): only the names
 * the admin uses, so the build drops the rest of the package (the data routers, server rendering,
 * about 155 KiB of the 194 KiB the whole namespace cost the first screen; docs/adr/0021 §7).
 * A remote that imports a name missing here would get `undefined` at run time:
 * `test/shared-surface.test.ts` fails first, naming it.
 */
export {
  BrowserRouter,
  Link,
  NavLink,
  Route,
  Routes,
  useLocation,
  useNavigate,
  useParams,
  useSearchParams,
} from 'react-router';
