import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseRoute } from '../routing/route.js';
import type { Route } from '../routing/route.js';
import { mayLeave } from './unsaved-changes.js';

/**
 * Keeps its host's `route` in step with the location hash. Leaving a page with unsaved
 * changes asks first; staying puts the address back and keeps the page as it is.
 */
export class RouteController implements ReactiveController {
  route: Route = parseRoute(location.hash);
  private _url = location.href;
  private readonly _onChange = () => {
    if (location.href === this._url) return;
    if (!mayLeave()) {
      history.replaceState(history.state, '', this._url);
      return;
    }
    this._url = location.href;
    this.route = parseRoute(location.hash);
    this._host.requestUpdate();
  };

  constructor(private readonly _host: ReactiveControllerHost) {
    _host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this._onChange);
    this._url = location.href;
    this.route = parseRoute(location.hash);
    this._host.requestUpdate();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this._onChange);
  }
}
