import type { NewsdeskApi } from '../../../shared/contract/api';

/**
 * The API with one extra rule: when the core answers `library_damaged` (SQLite found the file
 * damaged while the app ran), the page reloads, and the start sees the damage and shows the
 * recovery screen instead of letting the user type into a library that can no longer save.
 */
export function reloadWhenDamaged(
  api: NewsdeskApi,
  reload = () => window.location.reload(),
): NewsdeskApi {
  let reloading = false;
  return {
    shell: api.shell,
    on: api.on.bind(api),
    mediaUrl: api.mediaUrl.bind(api),
    async call(name, input) {
      const result = await api.call(name, input);
      if (!result.ok && result.error.code === 'library_damaged' && !reloading) {
        reloading = true;
        reload();
      }
      return result;
    },
  };
}
