/* This file was automatically generated. DO NOT UPDATE MANUALLY. */
    import type   { Resolvers } from './resolvers-types.generated.js';
    import    { user as Query_user } from './schema/profile/resolvers/Query/user.js';
import    { addAddress as Mutation_addAddress } from './schema/address/resolvers/Mutation/addAddress.js';
import    { follow as Mutation_follow } from './schema/follow/resolvers/Mutation/follow.js';
import    { removeAddress as Mutation_removeAddress } from './schema/address/resolvers/Mutation/removeAddress.js';
import    { unfollow as Mutation_unfollow } from './schema/follow/resolvers/Mutation/unfollow.js';
import    { updateAddress as Mutation_updateAddress } from './schema/address/resolvers/Mutation/updateAddress.js';
import    { updatePreferences as Mutation_updatePreferences } from './schema/preferences/resolvers/Mutation/updatePreferences.js';
import    { updateProfile as Mutation_updateProfile } from './schema/profile/resolvers/Mutation/updateProfile.js';
import    { AuthUser } from './schema/account/resolvers/AuthUser.js';
import    { FollowEdge } from './schema/follow/resolvers/FollowEdge.js';
import    { User as profile_User } from './schema/profile/resolvers/User.js';
import    { User as activity_User } from './schema/activity/resolvers/User.js';
import    { User as address_User } from './schema/address/resolvers/User.js';
import    { User as follow_User } from './schema/follow/resolvers/User.js';
import    { User as preferences_User } from './schema/preferences/resolvers/User.js';
import    { UserActivity } from './schema/activity/resolvers/UserActivity.js';
import    { DateResolver,DateTimeResolver,JSONObjectResolver,URLResolver } from 'graphql-scalars';
    export const resolvers: Resolvers = {
      Query: { user: Query_user },
      Mutation: { addAddress: Mutation_addAddress,follow: Mutation_follow,removeAddress: Mutation_removeAddress,unfollow: Mutation_unfollow,updateAddress: Mutation_updateAddress,updatePreferences: Mutation_updatePreferences,updateProfile: Mutation_updateProfile },
      
      AuthUser: AuthUser,
FollowEdge: FollowEdge,
User: { ...profile_User,...activity_User,...address_User,...follow_User,...preferences_User },
UserActivity: UserActivity,
Date: DateResolver,
DateTime: DateTimeResolver,
JSONObject: JSONObjectResolver,
URL: URLResolver
    }