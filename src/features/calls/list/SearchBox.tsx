import { useEffect, useState, type Ref } from 'react';
import InputAdornment from '@mui/material/InputAdornment';
import TextField from '@mui/material/TextField';
import SearchIcon from '@mui/icons-material/Search';

export const SEARCH_DEBOUNCE_MS = 350;

/**
 * Free-text search, sent as HubSpot's search `query` once typing pauses. Follows the URL when it changes.
 * HubSpot's `query` matches words of a call's title and notes only (not phone numbers or other fields), so
 * the box says so.
 */
export function SearchBox({ value, onCommit, inputRef }: { value: string; onCommit: (q: string) => void; inputRef?: Ref<HTMLInputElement> }) {
  const [text, setText] = useState(value);
  const [synced, setSynced] = useState(value);
  if (value !== synced) {
    // The URL changed (back/forward, a chip removed): show what it says.
    setSynced(value);
    setText(value);
  }
  useEffect(() => {
    const trimmed = text.trim();
    if (trimmed === value) return;
    const t = setTimeout(() => onCommit(trimmed), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(t);
  }, [text, value, onCommit]);
  return (
    <TextField
      type="search"
      label="Search calls"
      placeholder="Words in titles and notes"
      inputRef={inputRef}
      size="small"
      value={text}
      onChange={(e) => setText(e.target.value)}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && text.trim() !== value) onCommit(text.trim());
      }}
      slotProps={{
        htmlInput: { maxLength: 3000, 'aria-keyshortcuts': '/' },
        input: {
          startAdornment: (
            <InputAdornment position="start">
              <SearchIcon fontSize="small" />
            </InputAdornment>
          ),
        },
      }}
      sx={{ minWidth: 260, flex: '1 1 260px', maxWidth: 420 }}
    />
  );
}
