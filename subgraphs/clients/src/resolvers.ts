import { DateResolver, DateTimeResolver } from 'graphql-scalars';
import type { Resolvers } from './resolvers-types.generated.ts';
import { Client } from './schema/client/resolvers/Client.ts';
import { createClient } from './schema/client/resolvers/Mutation/createClient.ts';
import { client } from './schema/client/resolvers/Query/client.ts';
import { clients } from './schema/client/resolvers/Query/clients.ts';
import { User } from './schema/owner/resolvers/User.ts';

/** The clients subgraph's resolver map, typed from its SDL. */
export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  Date: DateResolver,
  Query: { client, clients },
  Mutation: { createClient },
  Client,
  User,
};
