/** Entry point of the admin UI bundle: defines `<qaf-app>` and everything it uses. */
import './elements/qaf-app.js';
