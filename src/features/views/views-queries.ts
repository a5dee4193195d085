/**
 * Saved views in the query cache: one factory (keys ['views', 'list'] and ['views', 'detail', id]) and the
 * writes, which update the cache from the server's answer. Failures are reported where they happen (the
 * dialogs), never by the cache's snackbar.
 */
import { queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { isNotFound } from '../../api/errors';
import { createView, deleteView, getView, listViews, updateView, type SavedView, type ViewState } from './views-api';

const viewKeys = {
  all: ['views'] as const,
  list: () => [...viewKeys.all, 'list'] as const,
  detail: (id: string) => [...viewKeys.all, 'detail', id] as const,
};

export const viewQueries = {
  /** Always revalidated when shown: a teammate may have saved, renamed or deleted a view since. */
  list: () => queryOptions({ queryKey: viewKeys.list(), queryFn: ({ signal }) => listViews(signal), staleTime: 0, meta: { errorTitle: false } }),
  detail: (id: string) => queryOptions({ queryKey: viewKeys.detail(id), queryFn: ({ signal }) => getView(id, signal), meta: { errorTitle: false } }),
};

function stored(qc: QueryClient, view: SavedView) {
  qc.setQueryData(viewKeys.detail(view.id), view);
  return qc.invalidateQueries({ queryKey: viewKeys.list() });
}

export function useCreateView() {
  const qc = useQueryClient();
  return useMutation({
    meta: { errorTitle: false },
    mutationFn: (input: ViewState & { name: string }) => createView(input),
    onSuccess: (view) => stored(qc, view),
  });
}

export function useRenameView() {
  const qc = useQueryClient();
  return useMutation({
    meta: { errorTitle: false },
    mutationFn: ({ id, name }: { id: string; name: string }) => updateView(id, { name }),
    onSuccess: (view) => stored(qc, view),
  });
}

/** Deleting a view someone else already deleted counts as done. */
export function useDeleteView() {
  const qc = useQueryClient();
  return useMutation({
    meta: { errorTitle: false },
    mutationFn: async (id: string) => {
      try {
        await deleteView(id);
      } catch (error) {
        if (!isNotFound(error)) throw error;
      }
    },
    onSuccess: (_nothing, id) => {
      qc.removeQueries({ queryKey: viewKeys.detail(id) });
      return qc.invalidateQueries({ queryKey: viewKeys.list() });
    },
  });
}
