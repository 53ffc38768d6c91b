// Renders a kustomization (deploy/k8s) the way `kubectl kustomize` does, for the fields our
// kustomizations use: resources (files and directories), namespace, images, replicas and
// strategic-merge patches. Written by hand because no kept npm package implements kustomize
// and the tests have no kubectl; any other field is refused rather than silently ignored, so
// a kustomization this cannot render faithfully fails the test instead of passing untested.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseAllDocuments } from 'yaml';

export type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; [key: string]: unknown };
  [key: string]: unknown;
};

type Json = Record<string, unknown>;

interface Kustomization {
  apiVersion?: string;
  kind?: string;
  resources?: string[];
  namespace?: string;
  images?: { name: string; newName?: string; newTag?: string }[];
  replicas?: { name: string; count: number }[];
  patches?: { path: string }[];
}

const SUPPORTED = new Set([
  'apiVersion',
  'kind',
  'resources',
  'namespace',
  'images',
  'replicas',
  'patches',
]);

/** Every YAML document of a file (comments and empty documents dropped). */
export function readManifests(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(file, 'utf8'))
    .map((doc) => {
      if (doc.errors.length) throw new Error(`${file}: ${doc.errors[0]?.message}`);
      return doc.toJS() as Manifest | null;
    })
    .filter((m): m is Manifest => m !== null);
}

/** The resources `dir`'s kustomization.yaml renders to. */
export function kustomize(dir: string): Manifest[] {
  const file = join(dir, 'kustomization.yaml');
  const [k] = readManifests(file) as unknown as Kustomization[];
  if (!k) throw new Error(`${file} is empty`);
  for (const key of Object.keys(k)) {
    if (!SUPPORTED.has(key)) throw new Error(`${file}: ${key} is not supported by this renderer`);
  }
  let out: Manifest[] = [];
  for (const entry of k.resources ?? []) {
    const path = join(dir, entry);
    if (!existsSync(path)) throw new Error(`${file}: ${entry} does not exist`);
    out.push(...(statSync(path).isDirectory() ? kustomize(path) : readManifests(path)));
  }
  for (const { path } of k.patches ?? []) {
    for (const patch of readManifests(join(dir, path))) {
      const index = out.findIndex(
        (m) => m.kind === patch.kind && m.metadata.name === patch.metadata.name,
      );
      if (index < 0) throw new Error(`${path}: no ${patch.kind} ${patch.metadata.name} to patch`);
      out[index] = strategicMerge(out[index] as Json, patch as Json) as Manifest;
    }
  }
  for (const { name, count } of k.replicas ?? []) {
    const target = out.find((m) => m.metadata.name === name && 'spec' in m);
    if (!target) throw new Error(`${file}: replicas for unknown ${name}`);
    (target.spec as Json).replicas = count;
  }
  if (k.images) out = out.map((m) => withImages(m, k.images ?? []));
  if (k.namespace) {
    for (const m of out) m.metadata = { ...m.metadata, namespace: k.namespace };
  }
  return out;
}

/**
 * Kubernetes' strategic merge for what our patches touch: maps merge key by key; lists of
 * objects with a `name` (containers, env, ports, volumes) merge item by item on it; any
 * other list is replaced. `$patch` directives are refused.
 */
export function strategicMerge(base: unknown, patch: unknown): unknown {
  if (Array.isArray(patch)) {
    const named = (v: unknown): v is Json & { name: string } =>
      typeof v === 'object' && v !== null && typeof (v as Json).name === 'string';
    if (!Array.isArray(base) || !patch.every(named) || !base.every(named)) return patch;
    const merged = [...base];
    for (const item of patch) {
      const at = merged.findIndex((b) => b.name === item.name);
      if (at < 0) merged.push(item);
      else merged[at] = strategicMerge(merged[at], item) as Json & { name: string };
    }
    return merged;
  }
  if (typeof patch === 'object' && patch !== null) {
    if ('$patch' in patch) throw new Error('$patch directives are not supported');
    const result: Json = typeof base === 'object' && base !== null ? { ...(base as Json) } : {};
    for (const [key, value] of Object.entries(patch)) {
      result[key] = strategicMerge(result[key], value);
    }
    return result;
  }
  return patch;
}

/** Applies `images` to every container of a pod template: name → newName:newTag. */
function withImages(manifest: Manifest, images: NonNullable<Kustomization['images']>): Manifest {
  const copy = structuredClone(manifest);
  const template = (copy.spec as Json | undefined)?.template as Json | undefined;
  const pod = template?.spec as { containers?: { image?: string }[] } | undefined;
  for (const container of pod?.containers ?? []) {
    const image = container.image ?? '';
    const at = image.lastIndexOf(':');
    const name = at > image.lastIndexOf('/') ? image.slice(0, at) : image;
    const rule = images.find((i) => i.name === name);
    if (rule) {
      const tag = rule.newTag ?? (at > image.lastIndexOf('/') ? image.slice(at + 1) : undefined);
      container.image = `${rule.newName ?? name}${tag ? `:${tag}` : ''}`;
    }
  }
  return copy;
}

/** The directory of this file's repository root, for tests run from elsewhere. */
export const K8S_DIR = join(dirname(import.meta.dirname), '..', 'deploy', 'k8s');
