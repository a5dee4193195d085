/** Groups a call's properties the way HubSpot does (the definitions' groupName and displayOrder). */
import type { PropertyDefinition, PropertyGroupDefinition } from '../../../api/schemas';
import { propertyLabel } from '../call-properties';

export interface PropertyGroup {
  name: string;
  label: string;
  properties: { name: string; label: string }[];
}

/**
 * Fallback labels for HubSpot's call property groups, used only until (or if) the account's
 * group definitions are unavailable; unknown groups get a readable form of their name.
 */
const GROUP_LABELS: Record<string, string> = {
  call_information: 'Call information',
  callinformation: 'Call information',
  engagement: 'Activity information',
  engagementinformation: 'Activity information',
  system: 'System information',
  systeminformation: 'System information',
  other: 'Other properties',
};

const GROUP_ORDER = ['call_information', 'callinformation', 'engagement', 'engagementinformation'];

function groupLabel(name: string): string {
  if (GROUP_LABELS[name]) return GROUP_LABELS[name];
  const words = name.replace(/[_-]+/g, ' ').trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : 'Other properties';
}

export function groupProperties(
  properties: Record<string, string | null>,
  definitions: readonly PropertyDefinition[] | undefined,
  groupDefinitions?: readonly PropertyGroupDefinition[],
): PropertyGroup[] {
  const byName = new Map((definitions ?? []).map((d) => [d.name, d]));
  const accountGroups = new Map((groupDefinitions ?? []).map((g) => [g.name, g]));
  const groups = new Map<string, { name: string; order: number; props: { name: string; label: string; order: number }[] }>();
  const names = Object.keys(properties);
  names.forEach((name, index) => {
    const def = byName.get(name);
    const groupName = def?.groupName ?? 'other';
    let g = groups.get(groupName);
    if (!g) {
      const known = GROUP_ORDER.indexOf(groupName);
      const accountOrder = accountGroups.get(groupName)?.displayOrder;
      const fallbackOrder = groupName === 'other' ? 1000 : groupName.startsWith('system') ? 900 : known >= 0 ? known : 100;
      g = { name: groupName, order: accountOrder ?? fallbackOrder, props: [] };
      groups.set(groupName, g);
    }
    g.props.push({ name, label: propertyLabel(name, definitions), order: def?.displayOrder ?? 500 + index });
  });
  return [...groups.values()]
    .sort((a, b) => a.order - b.order || a.name.localeCompare(b.name))
    .map((g) => ({
      name: g.name,
      label: accountGroups.get(g.name)?.label ?? groupLabel(g.name),
      properties: g.props.sort((a, b) => a.order - b.order || a.label.localeCompare(b.label)).map(({ name, label }) => ({ name, label })),
    }));
}
