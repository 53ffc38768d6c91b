import { createDb as createAuthDb } from '../../subgraphs/auth/src/db.ts';
import { hashPassword } from '../../subgraphs/auth/src/passwords.ts';
import { createDb as createClientsDb, withTenant } from '../../subgraphs/clients/src/db.ts';
import { createDb as createUsersDb } from '../../subgraphs/users/src/db.ts';
import type { DatabaseService } from './config.ts';

/** The development accounts the README documents. */
export const DEMO_ACCOUNTS = [
  {
    email: 'admin@grahvani.dev',
    password: 'grahvani-admin-dev',
    name: 'Grahvani Admin',
    role: 'ADMIN',
  },
  {
    email: 'astro@grahvani.dev',
    password: 'grahvani-astro-dev',
    name: 'Asha Astrologer',
    role: 'USER',
  },
] as const;

const DEMO_CLIENTS = [
  {
    name: 'Rahul Sharma',
    email: 'rahul@example.com',
    phone: '+919812345678',
    gender: 'male',
    birthDate: new Date('1990-04-12'),
    birthTime: '06:45:00',
    birthPlace: 'Jaipur, India',
    latitude: 26.9124,
    longitude: 75.7873,
    timezone: 'Asia/Kolkata',
    tags: ['vip', 'marriage'],
  },
  {
    name: 'Priya Sharma',
    email: 'priya@example.com',
    phone: '+919812345679',
    gender: 'female',
    birthDate: new Date('1992-09-03'),
    birthTime: '21:10:00',
    birthPlace: 'Jaipur, India',
    latitude: 26.9124,
    longitude: 75.7873,
    timezone: 'Asia/Kolkata',
    tags: ['marriage'],
  },
  {
    name: 'Meera Iyer',
    email: 'meera@example.com',
    gender: 'female',
    birthDate: new Date('1985-01-26'),
    birthTime: '11:30:00',
    birthPlace: 'Chennai, India',
    latitude: 13.0827,
    longitude: 80.2707,
    timezone: 'Asia/Kolkata',
    tags: ['career'],
  },
  {
    name: 'Arjun Mehta',
    phone: '+14155550123',
    gender: 'male',
    birthDate: new Date('1978-07-14'),
    birthPlace: 'San Francisco, USA',
    latitude: 37.7749,
    longitude: -122.4194,
    timezone: 'America/Los_Angeles',
    tags: ['vip', 'health'],
  },
  {
    name: 'Kavya Nair',
    email: 'kavya@example.com',
    gender: 'female',
    birthDate: new Date('2001-12-01'),
    birthTime: '04:05:00',
    birthPlace: 'Kochi, India',
    latitude: 9.9312,
    longitude: 76.2673,
    timezone: 'Asia/Kolkata',
    tags: ['education'],
  },
];

/**
 * Creates the demo accounts, their profiles and the astrologer's clients when missing.
 * Idempotent: a second run changes nothing. Never called in production.
 */
export async function seedDevelopmentData(urls: Record<DatabaseService, string>) {
  const auth = createAuthDb(urls.auth, { max: 2 });
  const users = createUsersDb(urls.users, { max: 2 });
  const clients = createClientsDb(urls.clients, { max: 2 });
  const created: string[] = [];
  try {
    for (const account of DEMO_ACCOUNTS) {
      let user = await auth.authUser.findUnique({ where: { email: account.email } });
      if (!user) {
        user = await auth.authUser.create({
          data: {
            email: account.email,
            name: account.name,
            role: account.role,
            status: 'ACTIVE',
            emailVerified: true,
            emailVerifiedAt: new Date(),
            passwordHash: await hashPassword(account.password),
          },
        });
        created.push(account.email);
      }
      await users.user.upsert({
        where: { authUserId: user.id },
        update: {},
        create: { authUserId: user.id, email: user.email, name: user.name },
      });
      if (account.role === 'USER') {
        const tenantId = user.id;
        // Row-level security: the clients role sees and writes only the tenant it sets.
        await withTenant(clients, tenantId, async (tx) => {
          if ((await tx.client.count({ where: { tenantId } })) > 0) return;
          for (const client of DEMO_CLIENTS) {
            await tx.client.create({ data: { ...client, tenantId } });
          }
        });
      }
    }
  } finally {
    await Promise.all([auth.$disconnect(), users.$disconnect(), clients.$disconnect()]);
  }
  return created;
}
