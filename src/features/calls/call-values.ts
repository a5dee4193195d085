/**
 * Call property values as people read them (the detail page, history, conflicts). Apart from call-properties.ts
 * because phone numbers and dates need libphonenumber-js and dayjs, which the call list does not load.
 */
import { ownerNames } from '../../api/metadata-queries';
import type { Disposition, Owner, PropertyDefinition } from '../../api/schemas';
import { formatDateTime } from '../../lib/datetime';
import { formatDuration } from '../../lib/duration';
import { formatPhone } from '../../lib/phone';
import { dispositionLabels, htmlToText, optionLabel, optionLabels, outcomeLabel, ownerLabel, valueKind } from './call-properties';

/** The account's metadata a formatted value may need (each missing while it loads). */
export interface FormatContext {
  definitions?: readonly PropertyDefinition[];
  dispositions?: readonly Disposition[];
  owners?: readonly Owner[];
  timeZone: string;
}

const yesNo = (raw: string) => (raw === 'true' ? 'Yes' : raw === 'false' ? 'No' : raw);

/** A property value as a person reads it; "" for an empty value. */
export function formatCallValue(name: string, raw: string | null | undefined, ctx: FormatContext): string {
  if (raw === null || raw === undefined || raw === '') return '';
  const def = ctx.definitions?.find((d) => d.name === name);
  switch (valueKind(name, def)) {
    case 'outcome':
      return outcomeLabel(raw, dispositionLabels(ctx.dispositions))?.label ?? '';
    case 'owner':
      return ownerLabel(raw, ctx.owners && ownerNames(ctx.owners));
    case 'duration':
      return formatDuration(raw) || raw;
    case 'phone':
      return formatPhone(raw);
    case 'html':
      return htmlToText(raw);
    case 'ids':
      return raw.split(';').filter(Boolean).join(', ');
    case 'datetime':
      return formatDateTime(raw, ctx.timeZone) || raw;
    case 'bool':
      return yesNo(raw);
    case 'option': {
      const values = def?.fieldType === 'checkbox' ? raw.split(';') : [raw];
      const labels = optionLabels(ctx.definitions, name);
      return values.map((v) => optionLabel(v, labels)).join(', ');
    }
    case 'text':
      return raw;
  }
}
