metadata name = 'Shared types'
metadata description = 'Types the modules share: role assignments on a module\'s own resource, tags, app settings.'

@export()
@description('One role assignment on the module\'s resource. The assignment is named guid(resource, principal, role).')
type roleAssignmentType = {
  @description('Required. The object ID of the principal that gets the role; an empty ID skips the assignment (e.g. no deploying user in CI).')
  principalId: string

  @description('Required. The GUID of the role definition (a built-in role, or a custom role\'s name).')
  roleDefinitionId: string

  @description('Required. The role\'s documented name (e.g. Storage Blob Data Owner); it leads the assignment\'s description.')
  roleName: string

  @description('Optional. The principal type; set it for identities created in the same deployment to avoid replication delays.')
  principalType: ('ServicePrincipal' | 'User' | 'Group')?

  @description('Required. Why the principal needs the role.')
  description: string
}

@export()
@description('Resource tags.')
type tagsType = {
  *: string
}

@export()
@description('App settings by name.')
type appSettingsType = {
  *: string
}
