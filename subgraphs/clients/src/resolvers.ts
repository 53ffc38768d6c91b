import { DateResolver, DateTimeResolver, JSONObjectResolver } from 'graphql-scalars';
import { DecimalScalar } from './money.ts';
import type { Resolvers } from './resolvers-types.generated.ts';
import { ActivityEntry } from './schema/activity/resolvers/ActivityEntry.ts';
import { ClientActivity } from './schema/activity/resolvers/Client.ts';
import { ClientCharts } from './schema/chart/resolvers/Client.ts';
import { saveChart } from './schema/chart/resolvers/Mutation/saveChart.ts';
import { SavedChart } from './schema/chart/resolvers/SavedChart.ts';
import { Client } from './schema/client/resolvers/Client.ts';
import { createClient } from './schema/client/resolvers/Mutation/createClient.ts';
import { deleteClient } from './schema/client/resolvers/Mutation/deleteClient.ts';
import { updateClient } from './schema/client/resolvers/Mutation/updateClient.ts';
import { client } from './schema/client/resolvers/Query/client.ts';
import { clients } from './schema/client/resolvers/Query/clients.ts';
import { ClientConsultations } from './schema/consultation/resolvers/Client.ts';
import { Consultation } from './schema/consultation/resolvers/Consultation.ts';
import { recordConsultation } from './schema/consultation/resolvers/Mutation/recordConsultation.ts';
import { ClientFamily } from './schema/family/resolvers/Client.ts';
import { FamilyLink } from './schema/family/resolvers/FamilyLink.ts';
import { linkFamilyMember } from './schema/family/resolvers/Mutation/linkFamilyMember.ts';
import { unlinkFamilyMember } from './schema/family/resolvers/Mutation/unlinkFamilyMember.ts';
import { ClientImport } from './schema/import/resolvers/ClientImport.ts';
import { importClients } from './schema/import/resolvers/Mutation/importClients.ts';
import { clientImport } from './schema/import/resolvers/Query/clientImport.ts';
import { ClientNotes } from './schema/note/resolvers/Client.ts';
import { addClientNote } from './schema/note/resolvers/Mutation/addClientNote.ts';
import { User } from './schema/owner/resolvers/User.ts';
import { ClientRemedies } from './schema/remedy/resolvers/Client.ts';
import { prescribeRemedy } from './schema/remedy/resolvers/Mutation/prescribeRemedy.ts';
import { updateRemedyStatus } from './schema/remedy/resolvers/Mutation/updateRemedyStatus.ts';

/** The clients subgraph's resolver map, typed from its SDL. */
export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  Date: DateResolver,
  Decimal: DecimalScalar,
  JSONObject: JSONObjectResolver,
  Query: { client, clients, clientImport },
  Mutation: {
    createClient,
    updateClient,
    deleteClient,
    linkFamilyMember,
    unlinkFamilyMember,
    recordConsultation,
    saveChart,
    addClientNote,
    prescribeRemedy,
    updateRemedyStatus,
    importClients,
  },
  Client: {
    ...Client,
    ...ClientFamily,
    ...ClientConsultations,
    ...ClientCharts,
    ...ClientNotes,
    ...ClientRemedies,
    ...ClientActivity,
  },
  FamilyLink,
  Consultation,
  SavedChart,
  ActivityEntry,
  ClientImport,
  User,
};
