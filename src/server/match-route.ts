import { isPredictionId } from '../core/index.js';
import { ProxyError } from './proxy-error.js';
import type { ProxyRoutes } from './proxy-options.js';

/** What a request asks for, once its `/api/v3/...` suffix is recognised. */
export type RouteName =
  | 'submit'
  | 'result'
  | 'upload-ticket'
  | 'upload-binary'
  | 'local-upload'
  | 'local-file'
  | 'history'
  | 'delete'
  | 'balance'
  | 'pricing';

export interface MatchedRoute {
  name: RouteName;
  /** The path from `/api/v3/` on, as sent upstream. */
  suffix: string;
  /** Everything before the suffix (the mount point), e.g. `/api/hidream`. */
  prefix: string;
  /** The model id of a submit, or the prediction id of a result. */
  param?: string;
}

const API_ROOT = '/api/v3/';
/** Engine upload tokens and file names: a strict id, optionally with a short extension. */
const LOCAL_NAME_PATTERN = /^[A-Za-z0-9_-]{1,128}(\.[A-Za-z0-9]{1,8})?$/;
/** A model id as WaveSpeed spells them: `owner/name[/variant]`, lowercase words. */
const MODEL_PATTERN = /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*){1,3}$/;

const METHODS: Record<RouteName, readonly string[]> = {
  submit: ['POST'],
  result: ['GET', 'HEAD'],
  'upload-ticket': ['POST'],
  'upload-binary': ['POST'],
  'local-upload': ['PUT'],
  'local-file': ['GET', 'HEAD'],
  history: ['POST'],
  delete: ['POST'],
  balance: ['GET', 'HEAD'],
  pricing: ['POST'],
};

/** Which `routes` switch turns a route on, and its default. */
const SWITCH: Record<RouteName, [keyof ProxyRoutes, boolean]> = {
  submit: ['submit', true],
  result: ['result', true],
  'upload-ticket': ['uploads', true],
  'upload-binary': ['uploads', true],
  'local-upload': ['uploads', true],
  'local-file': ['result', true],
  history: ['history', false],
  delete: ['delete', false],
  balance: ['balance', false],
  pricing: ['pricing', false],
};

function identify(rest: string, models: readonly string[]): { name: RouteName; param?: string } {
  if (rest === 'webhook/secret' || rest.startsWith('webhook/')) {
    throw new ProxyError(403, 'route_forbidden', 'The webhook secret is never served through this proxy.');
  }
  if (rest === 'media/uploads') return { name: 'upload-ticket' };
  if (rest === 'media/upload/binary') return { name: 'upload-binary' };
  if (rest === 'predictions') return { name: 'history' };
  if (rest === 'predictions/delete') return { name: 'delete' };
  if (rest === 'balance') return { name: 'balance' };
  if (rest === 'model/pricing') return { name: 'pricing' };
  const result = /^predictions\/([^/]*)\/result$/.exec(rest);
  if (result) {
    const id = result[1] ?? '';
    if (!isPredictionId(id)) {
      throw new ProxyError(400, 'invalid_id', 'The prediction id may only contain letters, digits, "-" and "_".');
    }
    return { name: 'result', param: id };
  }
  const local = /^local\/(uploads|files)\/([^/]*)$/.exec(rest);
  if (local) {
    if (!LOCAL_NAME_PATTERN.test(local[2] ?? '')) {
      throw new ProxyError(400, 'invalid_id', 'The file name may only contain letters, digits, "-", "_" and one extension.');
    }
    return { name: local[1] === 'uploads' ? 'local-upload' : 'local-file', param: local[2] };
  }
  if (models.includes(rest)) return { name: 'submit', param: rest };
  if (MODEL_PATTERN.test(rest) && !rest.startsWith('predictions/') && !rest.startsWith('media/')) {
    throw new ProxyError(403, 'model_forbidden', `This proxy does not serve the model "${rest}".`);
  }
  throw new ProxyError(404, 'not_found', 'There is no such API route on this proxy.');
}

/**
 * Recognises a request by the suffix of its path that starts at `/api/v3/`, under any mount point, and
 * checks the route is switched on and the method fits. Throws a `ProxyError` (400, 403, 404, 405) otherwise.
 */
export function matchRoute(
  pathname: string,
  method: string,
  options: { models: readonly string[]; routes: ProxyRoutes; handlerUpstream: boolean },
): MatchedRoute {
  const at = pathname.indexOf(API_ROOT);
  if (at < 0) throw new ProxyError(404, 'not_found', 'There is no such API route on this proxy.');
  const prefix = pathname.slice(0, at);
  const rest = pathname.slice(at + API_ROOT.length);
  if (/%2f|%5c|%2e|%00|\\/i.test(rest) || rest.split('/').some((s) => s === '' || s === '.' || s === '..')) {
    throw new ProxyError(400, 'invalid_path', 'The API path has an empty or dot segment, or an encoded separator.');
  }
  const { name, param } = identify(rest, options.models);
  const [switchName, byDefault] = SWITCH[name];
  if (!(options.routes[switchName] ?? byDefault)) {
    throw new ProxyError(403, 'route_forbidden', `This proxy does not serve "${rest}" (it is off unless routes.${switchName} is set).`);
  }
  if ((name === 'local-upload' || name === 'local-file') && !options.handlerUpstream) {
    throw new ProxyError(404, 'not_found', 'Local engine files are only served when the upstream is the local engine.');
  }
  const allowed = METHODS[name];
  if (!allowed.includes(method)) {
    throw new ProxyError(405, 'method_not_allowed', `Use ${allowed.join(' or ')} for this route.`, {
      headers: { allow: allowed.join(', ') },
    });
  }
  return { name, suffix: `/api/v3/${rest}`, prefix, param };
}
