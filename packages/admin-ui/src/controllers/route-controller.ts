import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { parseRoute } from '../routing/route.js';
import type { Route } from '../routing/route.js';

/** Keeps its host's `route` in step with the location hash. */
export class RouteController implements ReactiveController {
  route: Route = parseRoute(location.hash);
  private readonly _onChange = () => {
    this.route = parseRoute(location.hash);
    this._host.requestUpdate();
  };

  constructor(private readonly _host: ReactiveControllerHost) {
    _host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this._onChange);
    this._onChange();
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this._onChange);
  }
}
