import type { NewsdeskApi } from '../../../shared/contract/api';
import type { CallInput, CallName, CallOutput } from '../../../shared/contract/calls';
import type { EventName, EventPayload } from '../../../shared/contract/events';
import type { Result } from '../../../shared/contract/result';
import type { ContractError } from '../../../shared/errors/appError';
import type { CaptionTemplate, JobStatus, PhotoImportReport } from '../../../shared/photos/desk';
import type { PhotoRecord } from '../../../shared/photos/photoRecord';
import type { Recipe } from '../../../shared/photos/recipe';
import { defaultWebRecipe, recipeSchema } from '../../../shared/photos/recipe';
import type { SavedRecipe } from '../../../shared/photos/savedRecipe';

/*
 * An in-memory stand-in for the main side's photo desk, for component tests: just enough
 * behaviour over an array of PhotoRecords to drive the screen, and a log of every call.
 */

/** A photo record with sensible defaults, for tests. */
export function photoRecord(id: string, patch: Partial<PhotoRecord> = {}): PhotoRecord {
  return {
    id,
    sha256: id.padEnd(64, '0'),
    mediaPath: `photos/${id}.jpg`,
    thumbnailPath: `thumbs/${id}.webp`,
    originalName: `${id}.jpg`,
    bytes: 2_400_000,
    format: 'jpeg',
    width: 4000,
    height: 3000,
    orientation: 1,
    captureTime: '2024-05-06T09:15:00',
    camera: 'Canon EOS R6',
    hasGps: false,
    caption: '',
    captionMissing: true,
    byline: '',
    credit: '',
    copyright: '',
    altText: '',
    dhash: '0'.repeat(16),
    event: '',
    importedAt: 1,
    updatedAt: 1,
    focalPoint: null,
    ...patch,
  };
}

/** A UUID-shaped id from a small number, since the contract's ids are UUIDs. */
export function uuid(n: number): string {
  return `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
}

/** A saved recipe for tests; the newsroom's «Web» recipe, default, unless patched. */
export function savedRecipe(id: string, patch: Partial<SavedRecipe> = {}): SavedRecipe {
  const recipe: Recipe = patch.recipe ?? { ...defaultWebRecipe, name: patch.name ?? 'Web' };
  return { id, name: recipe.name, isDefault: false, recipe, ...patch };
}

type Handler = (input: unknown) => unknown;

/** The fake: records calls, answers from `photos`, and lets a test emit progress events. */
export class FakePhotoApi implements NewsdeskApi {
  readonly shell = 'browser';
  photos: PhotoRecord[];
  calls: Array<{ name: CallName; input: unknown }> = [];
  codes: Array<{ code: string; expansion: string }> = [];
  templates: CaptionTemplate[] = [];
  /** Saved recipes; empty unless a test adds some (then `photos.process` gets a recipeId). */
  recipes: SavedRecipe[] = [];
  job: JobStatus | null = null;
  /** What the next `photos.import` answers beyond the imported files (failures, duplicates). */
  importExtras: Partial<PhotoImportReport> = {};
  /** Calls that answer with this error envelope instead of their result. */
  failures: Partial<Record<CallName, ContractError>> = {};
  /** Uploads in progress: file name and the base64 chunks received. */
  uploads = new Map<string, { fileName: string; chunks: string[] }>();
  private listeners = new Set<(payload: EventPayload<'jobs.progress'>) => void>();
  private nextId = 1000;

  constructor(photos: PhotoRecord[]) {
    this.photos = photos;
  }

  /** Calls of one name, with their inputs typed. */
  callsOf<K extends CallName>(name: K): Array<CallInput<K>> {
    return this.calls.filter((c) => c.name === name).map((c) => c.input as CallInput<K>);
  }

  /** Sends a `jobs.progress` event to the screen. */
  emit(payload: EventPayload<'jobs.progress'>): void {
    this.listeners.forEach((listener) => listener(payload));
  }

  call<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>> {
    this.calls.push({ name, input });
    const failure = this.failures[name];
    if (failure) return Promise.resolve({ ok: false, error: failure });
    const handler = this.handlers[name];
    if (!handler) {
      return Promise.resolve({ ok: false, error: { code: 'unknown_call', message: name } });
    }
    try {
      return Promise.resolve({ ok: true, value: handler(input) as CallOutput<K> });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      return Promise.resolve({ ok: false, error: { code: 'conflict', message } });
    }
  }

  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void {
    if (name !== 'jobs.progress') return () => undefined;
    const typed = listener as (payload: EventPayload<'jobs.progress'>) => void;
    this.listeners.add(typed);
    return () => this.listeners.delete(typed);
  }

  mediaUrl(relativePath: string): string {
    return `media://library/${relativePath}`;
  }

  private readonly handlers: Partial<Record<CallName, Handler>> = {
    'photos.list': (raw) => {
      const input = raw as CallInput<'photos.list'>;
      const offset = input.offset ?? 0;
      const limit = input.limit ?? 200;
      const matching = this.photos.filter(
        (photo) =>
          (input.event === undefined || photo.event === input.event) &&
          (input.captioned === undefined || photo.captionMissing !== input.captioned),
      );
      return { photos: matching.slice(offset, offset + limit), total: matching.length };
    },
    'photos.events': () => [],
    'photos.import': (raw) => {
      const input = raw as CallInput<'photos.import'>;
      const imported = input.files.map((file) =>
        photoRecord(uuid(this.nextId++), { originalName: file.name, event: input.event ?? '' }),
      );
      this.photos.push(...imported);
      return {
        imported,
        duplicates: [],
        nearDuplicates: [],
        failed: [],
        ...this.importExtras,
      };
    },
    'uploads.begin': (raw) => {
      const input = raw as CallInput<'uploads.begin'>;
      const uploadId = uuid(this.nextId++);
      this.uploads.set(uploadId, { fileName: input.fileName, chunks: [] });
      return { uploadId };
    },
    'uploads.append': (raw) => {
      const input = raw as CallInput<'uploads.append'>;
      const upload = this.uploads.get(input.uploadId);
      if (!upload) throw new Error('no upload');
      upload.chunks.push(input.dataBase64);
      return { received: input.offset + (input.dataBase64.length * 3) / 4 };
    },
    'uploads.cancel': () => null,
    'photos.importUploaded': (raw) => {
      const input = raw as CallInput<'photos.importUploaded'>;
      const imported = input.uploadIds.map((id) =>
        photoRecord(uuid(this.nextId++), {
          originalName: this.uploads.get(id)?.fileName ?? id,
          event: input.event ?? '',
        }),
      );
      this.photos.push(...imported);
      // The extras answer one call (the first file's), as one import would report them.
      const extras = this.importExtras;
      this.importExtras = {};
      return { imported, duplicates: [], nearDuplicates: [], failed: [], ...extras };
    },
    'photos.resolveDuplicate': () => null,
    'photos.resolveGroup': () => null,
    'photos.updateCaptions': (raw) => {
      const input = raw as CallInput<'photos.updateCaptions'>;
      const { ids, ...fields } = input;
      this.photos = this.photos.map((photo) =>
        ids.includes(photo.id)
          ? { ...photo, ...fields, captionMissing: (fields.caption ?? photo.caption) === '' }
          : photo,
      );
      return this.photos.filter((photo) => ids.includes(photo.id));
    },
    'photos.codes': () => [...this.codes],
    'photos.setCode': (raw) => {
      const input = raw as CallInput<'photos.setCode'>;
      this.codes = [...this.codes.filter((c) => c.code !== input.code), input];
      return null;
    },
    'photos.removeCode': (raw) => {
      const input = raw as CallInput<'photos.removeCode'>;
      this.codes = this.codes.filter((c) => c.code !== input.code);
      return null;
    },
    'photos.templates': () => [...this.templates],
    'photos.process': () => {
      if (!this.job) throw new Error('Không có ảnh để xử lý.');
      return { jobId: this.job.jobId };
    },
    'recipes.list': () => [...this.recipes],
    'recipes.save': (raw) => {
      const input = raw as CallInput<'recipes.save'>;
      // Like the main side: the contract's schema decides, and its message reaches the editor.
      const parsed = recipeSchema.safeParse(input.recipe);
      if (!parsed.success) throw new Error(parsed.error.issues[0]?.message ?? 'invalid');
      const previous = this.recipes.find((saved) => saved.id === input.id);
      const saved: SavedRecipe = {
        id: input.id ?? uuid(this.nextId++),
        name: parsed.data.name,
        isDefault: previous?.isDefault ?? false,
        recipe: parsed.data,
      };
      this.recipes = previous
        ? this.recipes.map((other) => (other.id === saved.id ? saved : other))
        : [...this.recipes, saved];
      return saved;
    },
    'recipes.delete': (raw) => {
      const input = raw as CallInput<'recipes.delete'>;
      if (this.recipes.some((saved) => saved.id === input.id && saved.isDefault)) {
        throw new Error('Không xoá được công thức mặc định.');
      }
      this.recipes = this.recipes.filter((saved) => saved.id !== input.id);
      return null;
    },
    'recipes.setDefault': (raw) => {
      const input = raw as CallInput<'recipes.setDefault'>;
      this.recipes = this.recipes.map((saved) => ({ ...saved, isDefault: saved.id === input.id }));
      return [...this.recipes];
    },
    'logos.list': () => [],
    'jobs.status': () => this.job,
    'jobs.pause': () => this.setJobState('paused'),
    'jobs.resume': () => this.setJobState('running'),
    'jobs.cancel': () => this.setJobState('cancelled'),
  };

  private setJobState(state: JobStatus['state']): JobStatus | null {
    if (this.job) this.job = { ...this.job, state };
    return this.job;
  }
}
