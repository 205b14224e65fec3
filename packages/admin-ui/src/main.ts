/**
 * Entry point of the admin UI: a small first chunk that, before anything is drawn, starts the
 * requests the opened page needs (who is signed in, the councils' names and the page's own data:
 * routing/route-loads.ts) and then loads the app itself (`<qaf-app>` and every page, a chunk the
 * HTML already asks for with `modulepreload`), so the code and the data load at the same time.
 */
import { api } from './api/api-client.js';
import { parseRoute } from './routing/route.js';
import { prefetchRoute } from './routing/route-loads.js';

const route = parseRoute(location.hash);
prefetchRoute(api, route);
// What was prefetched serves the page first opened; another page asks the server again.
window.addEventListener('hashchange', () => api.forgetPrefetched());
// CodeMirror (the JSON editor's chunk) starts loading with the app when the editor is the page opened.
if (route.page === 'json') void import('./elements/qaf-json-editor.js');
void import('./elements/qaf-app.js');
