// contract/clients.graphql: every operation validates against the gateway's API schema and
// runs through the real gateway with the contract's example variables.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { op, registerAstrologer } from './fixtures/clients.ts';
import { contractOperations, gatewayApiSchema, validateOperation } from './helpers/contract.ts';
import { startStack, type Stack } from './helpers/stack.ts';

const operations = contractOperations('clients.graphql');
const schema = gatewayApiSchema();

describe('contract/clients.graphql', () => {
  it.each(operations)('$name validates against the gateway', (operation) => {
    expect(validateOperation(schema, operation)).toEqual([]);
  });

  describe('through the gateway', () => {
    let stack: Stack;
    beforeAll(async () => {
      stack = await startStack();
    });
    afterAll(() => stack?.close());

    it('runs every operation with its example variables, without errors', async () => {
      const astro = await registerAstrologer(stack, 'Contract Astrologer');
      const ran = new Set<string>();
      const run = async (name: string, variables: Record<string, unknown>) => {
        const res = await stack.gql<Record<string, { id: string }>>(op(name), variables, {
          token: astro.accessToken,
        });
        expect(res.errors, name).toBeUndefined();
        ran.add(name);
        return res.data!;
      };
      const { createClient: rahul } = await run('CreateClient', {
        input: {
          name: 'Rahul Sharma',
          email: 'rahul@example.com',
          phone: '+919812345678',
          gender: 'male',
          birthDate: '1990-04-12',
          birthTime: '06:45:00',
          birthPlace: 'Jaipur, India',
          latitude: 26.9124,
          longitude: 75.7873,
          timezone: 'Asia/Kolkata',
          tags: ['vip', 'marriage'],
        },
      });
      const { createClient: priya } = await run('CreateClient', {
        input: { name: 'Priya Sharma' },
      });
      await run('UpdateClient', { id: rahul!.id, input: { tags: ['vip'] } });
      await run('MyClients', { first: 20, after: null, search: 'sharma', tags: ['vip'] });
      await run('MyClientBook', { first: 20 });
      const { linkFamilyMember: link } = await run('LinkFamilyMember', {
        input: { clientId: rahul!.id, relatedClientId: priya!.id, relationshipType: 'SPOUSE' },
      });
      await run('RecordConsultation', {
        input: {
          clientId: rahul!.id,
          type: 'VIDEO',
          date: '2026-11-20T10:00:00Z',
          durationMinutes: 45,
          fee: '1500.00',
          notes: 'Discussed career',
        },
      });
      await run('SaveChart', {
        input: { clientId: rahul!.id, chartType: 'D9', chartData: { ascendant: 'Leo' } },
      });
      await run('AddClientNote', {
        input: { clientId: rahul!.id, content: 'Prefers morning calls', category: 'GENERAL' },
      });
      const { prescribeRemedy: remedy } = await run('PrescribeRemedy', {
        input: {
          clientId: rahul!.id,
          type: 'GEMSTONE',
          description: 'Yellow sapphire, right index finger',
        },
      });
      await run('UpdateRemedyStatus', { id: remedy!.id, status: 'IN_PROGRESS' });
      await run('ClientById', { id: rahul!.id });
      await run('UnlinkFamilyMember', { id: link!.id });
      const { importClients: imported } = await run('ImportClients', {
        csv: 'name,email,tags\nAsha Rao,asha@example.com,vip;new\n',
      });
      await run('ClientImport', { id: imported!.id });
      await run('DeleteClient', { id: priya!.id });
      expect([...ran].sort()).toEqual(operations.map((o) => o.name).sort());
    });
  });
});
