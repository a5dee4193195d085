import { describe, expect, it } from 'vitest';
import { readAllAssociationPages, type AssociationReadInput } from './association-pages';

describe('readAllAssociationPages', () => {
  it('stops asking for a record whose answer gives back the cursor it was asked with (it would loop forever)', async () => {
    const asked: AssociationReadInput[][] = [];
    const read = (inputs: AssociationReadInput[]) => {
      asked.push(inputs);
      if (asked.length > 5) return Promise.reject(new Error('asked for the same page again and again'));
      return Promise.resolve({
        results: inputs.map((input) => ({ from: { id: input.id }, to: [`${input.id}:${input.after ?? 'first'}`], paging: { next: { after: 'stuck' } } })),
      });
    };
    const all = await readAllAssociationPages(['7'], read);
    expect(all.get('7')).toEqual(['7:first', '7:stuck']);
    expect(asked).toEqual([[{ id: '7' }], [{ id: '7', after: 'stuck' }]]);
  });
});
