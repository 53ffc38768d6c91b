/* This file was automatically generated. DO NOT UPDATE MANUALLY. */
    import type   { Resolvers } from './resolvers-types.generated.js';
    import    { client as Query_client } from './schema/client/resolvers/Query/client.js';
import    { clientImport as Query_clientImport } from './schema/import/resolvers/Query/clientImport.js';
import    { clients as Query_clients } from './schema/client/resolvers/Query/clients.js';
import    { addClientNote as Mutation_addClientNote } from './schema/note/resolvers/Mutation/addClientNote.js';
import    { createClient as Mutation_createClient } from './schema/client/resolvers/Mutation/createClient.js';
import    { deleteClient as Mutation_deleteClient } from './schema/client/resolvers/Mutation/deleteClient.js';
import    { importClients as Mutation_importClients } from './schema/import/resolvers/Mutation/importClients.js';
import    { linkFamilyMember as Mutation_linkFamilyMember } from './schema/family/resolvers/Mutation/linkFamilyMember.js';
import    { prescribeRemedy as Mutation_prescribeRemedy } from './schema/remedy/resolvers/Mutation/prescribeRemedy.js';
import    { recordConsultation as Mutation_recordConsultation } from './schema/consultation/resolvers/Mutation/recordConsultation.js';
import    { saveChart as Mutation_saveChart } from './schema/chart/resolvers/Mutation/saveChart.js';
import    { unlinkFamilyMember as Mutation_unlinkFamilyMember } from './schema/family/resolvers/Mutation/unlinkFamilyMember.js';
import    { updateClient as Mutation_updateClient } from './schema/client/resolvers/Mutation/updateClient.js';
import    { updateRemedyStatus as Mutation_updateRemedyStatus } from './schema/remedy/resolvers/Mutation/updateRemedyStatus.js';
import    { ActivityEntry } from './schema/activity/resolvers/ActivityEntry.js';
import    { Client as activity_Client } from './schema/activity/resolvers/Client.js';
import    { Client as client_Client } from './schema/client/resolvers/Client.js';
import    { Client as consultation_Client } from './schema/consultation/resolvers/Client.js';
import    { Client as family_Client } from './schema/family/resolvers/Client.js';
import    { Client as note_Client } from './schema/note/resolvers/Client.js';
import    { Client as remedy_Client } from './schema/remedy/resolvers/Client.js';
import    { Client as chart_Client } from './schema/chart/resolvers/Client.js';
import    { ClientImport } from './schema/import/resolvers/ClientImport.js';
import    { Consultation } from './schema/consultation/resolvers/Consultation.js';
import    { FamilyLink } from './schema/family/resolvers/FamilyLink.js';
import    { SavedChart } from './schema/chart/resolvers/SavedChart.js';
import    { User } from './schema/owner/resolvers/User.js';
import    { DateResolver,DateTimeResolver,JSONObjectResolver } from 'graphql-scalars';
import    { DecimalScalar } from './money.js';
    export const resolvers: Resolvers = {
      Query: { client: Query_client,clientImport: Query_clientImport,clients: Query_clients },
      Mutation: { addClientNote: Mutation_addClientNote,createClient: Mutation_createClient,deleteClient: Mutation_deleteClient,importClients: Mutation_importClients,linkFamilyMember: Mutation_linkFamilyMember,prescribeRemedy: Mutation_prescribeRemedy,recordConsultation: Mutation_recordConsultation,saveChart: Mutation_saveChart,unlinkFamilyMember: Mutation_unlinkFamilyMember,updateClient: Mutation_updateClient,updateRemedyStatus: Mutation_updateRemedyStatus },
      
      ActivityEntry: ActivityEntry,
Client: { ...activity_Client,...client_Client,...consultation_Client,...family_Client,...note_Client,...remedy_Client,...chart_Client },
ClientImport: ClientImport,
Consultation: Consultation,
FamilyLink: FamilyLink,
SavedChart: SavedChart,
User: User,
Date: DateResolver,
DateTime: DateTimeResolver,
JSONObject: JSONObjectResolver,
Decimal: DecimalScalar
    }