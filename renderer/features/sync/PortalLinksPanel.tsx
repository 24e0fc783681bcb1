import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

import type { Category } from '../../../shared/domain/article';
import type {
  PortalCategoryLink,
  PortalUser,
  PortalUserLink,
} from '../../../shared/domain/portalLinks';
import type { PortalConnection, PortalTerms } from '../../../shared/domain/sync';
import type { UserSummary } from '../../../shared/workflow/accounts';
import { useApi } from '../../lib/ApiContext';
import { callOrThrow } from '../../lib/api';
import { errorText } from '../../lib/errorText';

/**
 * A portal's links, for the administrator (docs/portal-links.md): desk-only categories mapped
 * onto portal categories, desk users onto portal accounts (the post's author), and whether the
 * featured photo repeats in the body.
 */
export function PortalLinksPanel({
  portal,
  terms,
}: {
  portal: PortalConnection;
  terms: PortalTerms | null;
}) {
  const api = useApi();
  const { t } = useTranslation();
  const [categories, setCategories] = useState<Category[]>([]);
  const [links, setLinks] = useState<PortalCategoryLink[]>([]);
  const [users, setUsers] = useState<UserSummary[]>([]);
  const [userLinks, setUserLinks] = useState<PortalUserLink[]>([]);
  const [remoteUsers, setRemoteUsers] = useState<PortalUser[] | null>(null);
  const [featuredInBody, setFeaturedInBody] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  const fallback = t('errors.unexpected');
  const report = useCallback(
    (error: unknown): void => setProblem(errorText(error, fallback)),
    [fallback],
  );

  const load = useCallback(async () => {
    const [allCategories, categoryLinks, accounts, accountLinks, options] = await Promise.all([
      callOrThrow(api, 'categories.list', {}),
      callOrThrow(api, 'portals.categoryLinks', { id: portal.id }),
      callOrThrow(api, 'users.list', {}),
      callOrThrow(api, 'portals.userLinks', { id: portal.id }),
      callOrThrow(api, 'portals.options', { id: portal.id }),
    ]);
    setCategories(allCategories);
    setLinks(categoryLinks);
    setUsers(accounts.filter((user) => !user.disabled));
    setUserLinks(accountLinks);
    setFeaturedInBody(options.featuredInBody);
  }, [api, portal.id]);

  useEffect(() => {
    load().catch(report);
  }, [load, report, terms?.refreshedAt]);

  const remoteCategories = terms?.categories ?? [];
  const remoteTitles = new Set(remoteCategories.map((term) => term.remoteId));
  const linkOf = (categoryId: string): string =>
    links.find((link) => link.categoryId === categoryId)?.remoteId ?? '';
  // Pulled categories link to a portal category of the same title: nothing to map for them.
  const deskOnly = categories.filter((category) => {
    const remoteId = linkOf(category.id);
    const term = remoteCategories.find((candidate) => candidate.remoteId === remoteId);
    return !remoteId || !remoteTitles.has(remoteId) || term?.title !== category.title;
  });

  const mapCategory = async (categoryId: string, remoteId: string): Promise<void> => {
    setProblem(null);
    try {
      setLinks(
        await callOrThrow(api, 'portals.linkCategory', {
          id: portal.id,
          categoryId,
          remoteId: remoteId || null,
        }),
      );
    } catch (error) {
      report(error);
    }
  };

  const mapUser = async (userId: string, remoteId: string): Promise<void> => {
    setProblem(null);
    const remote = remoteUsers?.find((user) => user.remoteId === remoteId);
    try {
      setUserLinks(
        await callOrThrow(api, 'portals.linkUser', {
          id: portal.id,
          userId,
          remote: remote ? { id: remote.remoteId, name: remote.name } : null,
        }),
      );
    } catch (error) {
      report(error);
    }
  };

  const loadRemoteUsers = async (): Promise<void> => {
    setProblem(null);
    try {
      setRemoteUsers(await callOrThrow(api, 'portals.remoteUsers', { id: portal.id }));
    } catch (error) {
      report(error);
    }
  };

  const toggleFeatured = async (value: boolean): Promise<void> => {
    try {
      const options = await callOrThrow(api, 'portals.setOptions', {
        id: portal.id,
        featuredInBody: value,
      });
      setFeaturedInBody(options.featuredInBody);
    } catch (error) {
      report(error);
    }
  };

  return (
    <details className="portal-links" data-testid="portal-links">
      <summary>{t('portalLinks.title')}</summary>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      {portal.kind === 'wordpress' ? (
        <label className="portal-links-option">
          <input
            type="checkbox"
            data-testid="portal-featured-in-body"
            checked={featuredInBody}
            onChange={(event) => void toggleFeatured(event.target.checked)}
          />{' '}
          {t('portalLinks.featuredInBody')}
          <span className="muted"> {t('portalLinks.featuredHint')}</span>
        </label>
      ) : null}
      <h4>{t('portalLinks.categories')}</h4>
      <p className="muted">{t('portalLinks.categoriesHint')}</p>
      {deskOnly.length === 0 ? <p className="muted">{t('portalLinks.noLocal')}</p> : null}
      <ul className="portal-links-list" data-testid="portal-category-links">
        {deskOnly.map((category) => (
          <li key={category.id}>
            <span>{category.title}</span>
            <select
              data-testid="portal-category-map"
              aria-label={category.title}
              value={linkOf(category.id)}
              onChange={(event) => void mapCategory(category.id, event.target.value)}
            >
              <option value="">{t('portalLinks.notMapped')}</option>
              {remoteCategories.map((term) => (
                <option key={term.remoteId} value={term.remoteId}>
                  {term.title}
                </option>
              ))}
            </select>
          </li>
        ))}
      </ul>
      {portal.kind === 'wordpress' ? (
        <>
          <h4>{t('portalLinks.users')}</h4>
          <p className="muted">{t('portalLinks.usersHint')}</p>
          <button
            type="button"
            data-testid="portal-load-users"
            onClick={() => void loadRemoteUsers()}
          >
            {t('portalLinks.loadUsers')}
          </button>
          <ul className="portal-links-list" data-testid="portal-user-links">
            {users.map((user) => {
              const linked = userLinks.find((link) => link.userId === user.id);
              const options =
                remoteUsers ??
                (linked ? [{ remoteId: linked.remoteUserId, name: linked.remoteName }] : []);
              return (
                <li key={user.id}>
                  <span>{user.displayName}</span>
                  <select
                    data-testid="portal-user-map"
                    aria-label={user.displayName}
                    value={linked?.remoteUserId ?? ''}
                    disabled={remoteUsers === null}
                    onChange={(event) => void mapUser(user.id, event.target.value)}
                  >
                    <option value="">{t('portalLinks.connectionAccount')}</option>
                    {options.map((remote) => (
                      <option key={remote.remoteId} value={remote.remoteId}>
                        {remote.name}
                      </option>
                    ))}
                  </select>
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </details>
  );
}
