metadata name = 'Communication Services email'
metadata description = 'Email Communication Service with an Azure-managed domain (and optionally a custom domain), linked to a Communication Services resource, plus a least-privilege "email sender" custom role.'

import { tagsType } from '../types.bicep'

@description('Required. Name of the Communication Services resource.')
param communicationServiceName string

@description('Required. Name of the Email Communication Service resource.')
param emailServiceName string

@description('Optional. Where the services keep data at rest.')
param dataLocation string = 'United States'

@description('Optional. Tags for the resources.')
param tags tagsType?

@description('Optional. A custom sender domain (e.g. support.infoflopay.example). Empty: only the Azure-managed domain.')
param customDomainName string = ''

@description('Optional. Set to true once the custom domain\'s DNS records are verified; only then is it linked and used as the sender domain.')
param customDomainVerified bool = false

@description('Optional. Local part of the sender address.')
param senderUsername string = 'DoNotReply'

@description('Optional. Principal IDs that may send email through the Communication Services resource.')
param emailSenderPrincipalIds string[] = []

var useCustomDomain = !empty(customDomainName) && customDomainVerified

// The ACS email send API authorizes Entra ID callers against these control-plane actions. The built-in
// "Communication and Email Service Owner" role would also allow ListKeys, RegenerateKey and delete, so the app
// gets a custom role with only what sending needs.
var emailSenderActions = [
  'Microsoft.Communication/CommunicationServices/Read'
  'Microsoft.Communication/CommunicationServices/Write'
  'Microsoft.Communication/EmailServices/write'
]

resource emailService 'Microsoft.Communication/emailServices@2023-04-01' = {
  name: emailServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
  }
}

resource managedDomain 'Microsoft.Communication/emailServices/domains@2023-04-01' = {
  parent: emailService
  name: 'AzureManagedDomain'
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'AzureManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource customDomain 'Microsoft.Communication/emailServices/domains@2023-04-01' = if (!empty(customDomainName)) {
  parent: emailService
  name: empty(customDomainName) ? 'unused' : customDomainName
  location: 'global'
  tags: tags
  properties: {
    domainManagement: 'CustomerManaged'
    userEngagementTracking: 'Disabled'
  }
}

resource communicationService 'Microsoft.Communication/communicationServices@2023-04-01' = {
  name: communicationServiceName
  location: 'global'
  tags: tags
  properties: {
    dataLocation: dataLocation
    // An unverified custom domain cannot be linked; until it is verified mail goes out from the managed domain.
    linkedDomains: useCustomDomain ? [managedDomain.id, customDomain.id] : [managedDomain.id]
  }
}

resource emailSenderRole 'Microsoft.Authorization/roleDefinitions@2022-04-01' = {
  name: guid(resourceGroup().id, communicationServiceName, 'email-sender')
  properties: {
    roleName: 'Email Sender (${communicationServiceName})'
    description: 'Send email through ${communicationServiceName}; no keys, no management.'
    type: 'CustomRole'
    assignableScopes: [
      resourceGroup().id
    ]
    permissions: [
      {
        actions: emailSenderActions
        notActions: []
        dataActions: []
        notDataActions: []
      }
    ]
  }
}

// Custom roles live at subscription level whatever scope created them; assignments name them that way.
var emailSenderRoleId = subscriptionResourceId('Microsoft.Authorization/roleDefinitions', emailSenderRole.name)

resource emailSenderAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in emailSenderPrincipalIds: {
    name: guid(communicationService.id, principalId, emailSenderRoleId)
    scope: communicationService
    properties: {
      principalId: principalId
      roleDefinitionId: emailSenderRoleId
      principalType: 'ServicePrincipal'
      description: 'Sends ticket notifications.'
    }
  }
]

@description('The resource ID of the Communication Services resource.')
output communicationServiceResourceId string = communicationService.id

@description('The email API endpoint, https://<name>.communication.azure.com.')
output endpoint string = 'https://${communicationService.properties.hostName}'

@description('The sender address: on the custom domain once verified, else on the Azure-managed domain.')
output senderAddress string = '${senderUsername}@${useCustomDomain ? customDomain!.properties.mailFromSenderDomain : managedDomain.properties.mailFromSenderDomain}'

@description('DNS records to create for the custom domain (empty without one).')
output customDomainVerificationRecords resourceOutput<'Microsoft.Communication/emailServices/domains@2023-04-01'>.properties.verificationRecords = empty(customDomainName)
  ? {}
  : customDomain!.properties.verificationRecords
