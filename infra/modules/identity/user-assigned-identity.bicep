metadata name = 'User-assigned managed identity'
metadata description = 'The one identity the Function App uses for storage, Service Bus, email and telemetry.'

import { tagsType } from '../types.bicep'

@description('Required. Name of the identity.')
param name string

@description('Required. Azure region.')
param location string

@description('Optional. Tags for the resource.')
param tags tagsType?

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: name
  location: location
  tags: tags
}

@description('The resource ID of the identity.')
output resourceId string = identity.id

@description('The name of the identity.')
output name string = identity.name

@description('The principal (object) ID, for role assignments.')
output principalId string = identity.properties.principalId

@description('The client ID, for the app settings that pick this identity.')
output clientId string = identity.properties.clientId
