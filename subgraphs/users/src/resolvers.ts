import { DateResolver, DateTimeResolver, JSONObjectResolver, URLResolver } from 'graphql-scalars';
import type { Resolvers } from './resolvers-types.generated.ts';
import { AuthUser } from './schema/account/resolvers/AuthUser.ts';
import { User as ActivityUser } from './schema/activity/resolvers/User.ts';
import { UserActivity } from './schema/activity/resolvers/UserActivity.ts';
import { addAddress } from './schema/address/resolvers/Mutation/addAddress.ts';
import { removeAddress } from './schema/address/resolvers/Mutation/removeAddress.ts';
import { updateAddress } from './schema/address/resolvers/Mutation/updateAddress.ts';
import { User as AddressUser } from './schema/address/resolvers/User.ts';
import { FollowEdge } from './schema/follow/resolvers/FollowEdge.ts';
import { follow } from './schema/follow/resolvers/Mutation/follow.ts';
import { unfollow } from './schema/follow/resolvers/Mutation/unfollow.ts';
import { User as FollowUser } from './schema/follow/resolvers/User.ts';
import { updatePreferences } from './schema/preferences/resolvers/Mutation/updatePreferences.ts';
import { User as PreferencesUser } from './schema/preferences/resolvers/User.ts';
import { updateProfile } from './schema/profile/resolvers/Mutation/updateProfile.ts';
import { user } from './schema/profile/resolvers/Query/user.ts';
import { User as ProfileUser } from './schema/profile/resolvers/User.ts';

/** The users subgraph's resolver map, typed from its SDL. */
export const resolvers: Resolvers = {
  DateTime: DateTimeResolver,
  Date: DateResolver,
  URL: URLResolver,
  JSONObject: JSONObjectResolver,
  Query: { user },
  Mutation: {
    updateProfile,
    updatePreferences,
    addAddress,
    updateAddress,
    removeAddress,
    follow,
    unfollow,
  },
  User: { ...ProfileUser, ...PreferencesUser, ...AddressUser, ...FollowUser, ...ActivityUser },
  FollowEdge,
  UserActivity,
  AuthUser,
};
