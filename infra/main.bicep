targetScope = 'subscription'

metadata name = 'InfoFlo Pay Helpdesk'
metadata description = 'Everything the helpdesk Function App needs, in one resource group: Flex Consumption app, storage, Service Bus, email, monitoring, identity and roles.'

@description('Name of the azd environment; names the resource group and seeds the resource names.')
@minLength(1)
@maxLength(64)
param environmentName string

// Flex Consumption (FC1) runs in a subset of regions that changes over time, so there is no @allowed list here: pick one
// from `az functionapp list-flexconsumption-locations` (docs/deploy.md). azd offers its region picker for this parameter.
@description('Primary region for all resources; must be a region with the Flex Consumption plan.')
@minLength(1)
@metadata({ azd: { type: 'location' } })
param location string

@description('Object ID of the person or pipeline running azd; gets data roles for troubleshooting. Empty: none.')
param principalId string = ''

@description('Application (client) ID of the Entra app registration for the API (app roles Support.Agent, Support.Manager).')
@minLength(36)
param authClientId string

@description('Tenant of that app registration. Empty: this subscription\'s tenant.')
param authTenantId string = ''

@description('The Operations Manager: name shown in emails.')
param operationsManagerName string

@description('The Operations Manager: email address for escalations.')
@minLength(3)
param operationsManagerEmail string

@description('The Operations Manager: pager target (webhook URL or address). Empty: page by email.')
param operationsManagerPager string = ''

@description('The address customers reply to (Reply-To on outgoing mail).')
@minLength(3)
param supportAddress string

@description('Support agents who can be assigned tickets.')
param supportAgents supportAgentType[] = []

@description('Key Vault secret URI (https://<vault>.vault.azure.net/secrets/<name>[/<version>]) of the PagerDuty routing key, needed when operationsManagerPager is a PagerDuty URL. The app identity needs Key Vault Secrets User on that vault. Empty: no routing key.')
param pagingRoutingKeySecretUri string = ''

@description('Key Vault secret URI of Paging__SigningKey, the HMAC key (at least 32 characters) of the pages\' one-click acknowledgement links. Empty: pages carry no one-click link (the console and the API still acknowledge). The app identity needs Key Vault Secrets User on that vault.')
param pagingSigningKeySecretUri string = ''

@description('Key Vault secret URI of Webhooks__SecretKey, base64 of 32 random bytes that encrypt the webhooks\' signing secrets in the webhooks table. Empty: those secrets are stored unencrypted (the app warns at start-up). The app identity needs Key Vault Secrets User on that vault.')
param webhookSecretKeySecretUri string = ''

@description('Custom email sender domain. Empty: send from the Azure-managed domain.')
param emailCustomDomainName string = ''

@description('Set once the custom domain\'s DNS records are verified; until then mail goes out from the Azure-managed domain.')
param emailCustomDomainVerified bool = false

@description('Memory per Flex Consumption instance. 512 MB keeps the idle timers inside the monthly free grant (docs/deploy.md, "Idle cost").')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 512

@description('Daily ingestion cap of the Log Analytics workspace in GB (docs/deploy.md, "Operations"); ingestion stops for the rest of the day at the cap. -1: no cap.')
@minValue(-1)
param logAnalyticsDailyCapGb int = 1

@description('Private network: a VNet the app integrates with and private endpoints (with private DNS) for storage blob, table and queue. Service Bus stays public: its private endpoint needs the Premium tier (docs/deploy.md, "Private network").')
param vnetEnabled bool = false

@description('A support agent.')
type supportAgentType = {
  @description('Display name.')
  name: string

  @description('Email address.')
  email: string
}

// The Service Bus entities the app sends to and triggers on. Adding a queue, topic or subscription is one line here;
// the drift test (tests/InfoFloPay.IntegrationTests/Infra) fails if a trigger names an entity that is not listed.
var serviceBusQueues = [
  { name: 'sla-due' } // SLA milestones and page escalation steps, scheduled for their due instant (issue #15)
  { name: 'webhook-deliveries' } // one message per webhook delivery attempt; retries scheduled with backoff (issue #17)
]
var serviceBusTopics = [
  'helpdesk-events'
]
var serviceBusSubscriptions = [
  { topic: 'helpdesk-events', name: 'notifications' }
  { topic: 'helpdesk-events', name: 'assignments' }
  { topic: 'helpdesk-events', name: 'webhooks' }
]

// Built-in roles the template assigns: the documented name and GUID of each
// (https://learn.microsoft.com/azure/role-based-access-control/built-in-roles). Every assignment carries the name into
// its description, and the drift test checks each GUID against its own table of documented names.
var roles = {
  storageBlobDataOwner: { name: 'Storage Blob Data Owner', id: 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b' }
  storageBlobDataContributor: { name: 'Storage Blob Data Contributor', id: 'ba92f5b4-2d11-453d-a403-e96b0029c9fe' }
  storageQueueDataContributor: { name: 'Storage Queue Data Contributor', id: '974c5e8b-45b9-4653-ba55-5f855dd0fb88' }
  storageTableDataContributor: { name: 'Storage Table Data Contributor', id: '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3' }
  serviceBusDataOwner: { name: 'Azure Service Bus Data Owner', id: '090c5cfd-751d-490a-894a-3ce6f1109419' }
  serviceBusDataReceiver: { name: 'Azure Service Bus Data Receiver', id: '4f6d3b9b-027b-4f4c-9142-0e5a2a2247e0' }
  monitoringMetricsPublisher: { name: 'Monitoring Metrics Publisher', id: '3913510d-42f4-4e42-8a64-420c390055eb' }
}

var abbrs = loadJsonContent('abbreviations.json')
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = '${abbrs.webSitesFunctions}api-${resourceToken}'
var storageAccountName = '${abbrs.storageStorageAccounts}${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'

resource resourceGroup 'Microsoft.Resources/resourceGroups@2024-11-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'modules/identity/user-assigned-identity.bicep' = {
  scope: resourceGroup
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'modules/storage/storage-account.bicep' = {
  scope: resourceGroup
  params: {
    name: storageAccountName
    location: location
    tags: tags
    blobContainerNames: [deploymentContainerName, 'attachments']
    logAnalyticsWorkspaceResourceId: monitoring.outputs.logAnalyticsResourceId
    roleAssignments: [
      // The Functions host keeps leases and timer state in blobs and reads the deployment package.
      {
        principalId: identity.outputs.principalId
        roleDefinitionId: roles.storageBlobDataOwner.id
        roleName: roles.storageBlobDataOwner.name
        principalType: 'ServicePrincipal'
        description: 'Functions host storage and deployment package.'
      }
      {
        principalId: identity.outputs.principalId
        roleDefinitionId: roles.storageQueueDataContributor.id
        roleName: roles.storageQueueDataContributor.name
        principalType: 'ServicePrincipal'
        description: 'Functions host queues.'
      }
      {
        principalId: identity.outputs.principalId
        roleDefinitionId: roles.storageBlobDataContributor.id
        roleName: roles.storageBlobDataContributor.name
        principalType: 'ServicePrincipal'
        description: 'Ticket attachments in the private attachments container.'
      }
      {
        principalId: identity.outputs.principalId
        roleDefinitionId: roles.storageTableDataContributor.id
        roleName: roles.storageTableDataContributor.name
        principalType: 'ServicePrincipal'
        description: 'The desk tables (tickets, customers, articles, notifications, monitoring), created by the app on first use.'
      }
      {
        principalId: principalId
        roleDefinitionId: roles.storageTableDataContributor.id
        roleName: roles.storageTableDataContributor.name
        description: 'Deploying principal: inspect ticket tables (skipped when principalId is empty).'
      }
    ]
  }
}

module serviceBus 'modules/service-bus/namespace.bicep' = {
  scope: resourceGroup
  params: {
    name: '${abbrs.serviceBusNamespaces}${resourceToken}'
    location: location
    tags: tags
    queues: serviceBusQueues
    topics: serviceBusTopics
    subscriptions: serviceBusSubscriptions
    logAnalyticsWorkspaceResourceId: monitoring.outputs.logAnalyticsResourceId
    roleAssignments: [
      // Data Owner, not Data Receiver + Sender: the Flex Consumption scaler reads the subscriptions' message counts
      // with the app's identity, which needs the Manage claim; with Listen only it cannot see the backlog and the
      // trigger does not scale out from zero reliably (docs/deploy.md, "Roles"). Owner also covers receive and send.
      {
        principalId: identity.outputs.principalId
        roleDefinitionId: roles.serviceBusDataOwner.id
        roleName: roles.serviceBusDataOwner.name
        principalType: 'ServicePrincipal'
        description: 'Service Bus triggers (and their scaling), publishing helpdesk events.'
      }
      {
        principalId: principalId
        roleDefinitionId: roles.serviceBusDataReceiver.id
        roleName: roles.serviceBusDataReceiver.name
        description: 'Deploying principal: peek and drain dead letters (skipped when principalId is empty).'
      }
    ]
  }
}

module monitoring 'modules/monitoring/monitoring.bicep' = {
  scope: resourceGroup
  params: {
    logAnalyticsName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    applicationInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
    dailyCapGb: logAnalyticsDailyCapGb
    roleAssignments: [
      {
        principalId: identity.outputs.principalId
        roleDefinitionId: roles.monitoringMetricsPublisher.id
        roleName: roles.monitoringMetricsPublisher.name
        principalType: 'ServicePrincipal'
        description: 'Entra ID authenticated telemetry (local auth is off).'
      }
    ]
  }
}

module network 'modules/network/private-network.bicep' = if (vnetEnabled) {
  scope: resourceGroup
  params: {
    name: '${abbrs.networkVirtualNetworks}${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storageAccountName
  }
  // The private endpoints attach to the account the storage module creates (named, not referenced, for What-If).
  dependsOn: [storage]
}

module email 'modules/communication/email.bicep' = {
  scope: resourceGroup
  params: {
    communicationServiceName: '${abbrs.communicationCommunicationServices}${resourceToken}'
    emailServiceName: '${abbrs.communicationEmailServices}${resourceToken}'
    tags: tags
    customDomainName: emailCustomDomainName
    customDomainVerified: emailCustomDomainVerified
    emailSenderPrincipalIds: [identity.outputs.principalId]
  }
}

module functionApp 'modules/web/flex-function-app.bicep' = {
  scope: resourceGroup
  params: {
    name: functionAppName
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: tags
    siteTags: union(tags, { 'azd-service-name': 'api' })
    identityResourceId: identity.outputs.resourceId
    deploymentContainerUrl: '${storage.outputs.blobEndpoint}${deploymentContainerName}'
    instanceMemoryMB: instanceMemoryMB
    logAnalyticsWorkspaceResourceId: monitoring.outputs.logAnalyticsResourceId
    virtualNetworkSubnetId: vnetEnabled ? network!.outputs.appSubnetResourceId : ''
    authClientId: authClientId
    authTenantId: empty(authTenantId) ? tenant().tenantId : authTenantId
    appSettings: {
      // Host storage, identity-based (the account has no shared keys).
      AzureWebJobsStorage__accountName: storage.outputs.name
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.outputs.clientId
      // The desk's own table client: the account's table endpoint as Azure reports it (sovereign clouds, private DNS).
      AzureWebJobsStorage__tableServiceUri: storage.outputs.tableEndpoint

      // Service Bus: the connection the triggers name, and the entities by setting.
      ServiceBusConnection__fullyQualifiedNamespace: serviceBus.outputs.fullyQualifiedNamespace
      ServiceBusConnection__credential: 'managedidentity'
      ServiceBusConnection__clientId: identity.outputs.clientId
      HELPDESK_EVENTS_TOPIC: 'helpdesk-events'
      NOTIFICATIONS_SUBSCRIPTION: 'notifications'
      ASSIGNMENTS_SUBSCRIPTION: 'assignments'
      SLA_DUE_QUEUE: 'sla-due'
      WEBHOOKS_SUBSCRIPTION: 'webhooks'
      WEBHOOK_DELIVERIES_QUEUE: 'webhook-deliveries'

      // Email through Communication Services with the managed identity.
      Email__Endpoint: email.outputs.endpoint
      Email__SenderAddress: email.outputs.senderAddress
      Email__Credential: 'managedidentity'
      Email__ClientId: identity.outputs.clientId

      // The support roster (agents come from the supportAgents parameter, below).
      Support__OperationsManager__Name: operationsManagerName
      Support__OperationsManager__Email: operationsManagerEmail
      Support__OperationsManager__Pager: operationsManagerPager
      Support__SupportAddress: supportAddress

      // SLA policy file in the app package, and the timer schedules (NCRONTAB, six fields).
      Sla__PolicyFile: 'Sla/sla-policy.json'
      SLA_SWEEP_SCHEDULE: '0 */15 * * * *'
      SlaSweep__MaxDegreeOfParallelism: '8'
      PROBE_SCHEDULE: '*/10 * * * * *'
      OUTBOX_RELAY_SCHEDULE: '0 */1 * * * *'

      // Pages go by email unless the Operations Manager's pager is a PagerDuty Events v2 URL; its routing key
      // (Paging__RoutingKey) is an integration secret, so it is only ever a Key Vault reference (below).
      Paging__Source: 'infoflopay-helpdesk'

      // Monitoring: incidents resolve when their target recovers (NoteInterval, ReopenWindow, HistoryLength, TableName
      // keep their defaults; docs/monitoring.md).
      Monitoring__AutoResolve: 'true'

      // Routing of new tickets (docs/routing.md): suggest an owner for a person to confirm at triage, or 'auto' to assign.
      Routing__Mode: 'suggest'

      // Telemetry: the connection string is not a secret; local auth is off so ingestion needs the identity's token.
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.applicationInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.outputs.clientId};Authorization=AAD'
    }
    additionalAppSettings: union(
      reduce(
        range(0, length(supportAgents)),
        {},
        (settings, i) =>
          union(settings, {
            'Support__Agents__${i}__Name': supportAgents[i].name
            'Support__Agents__${i}__Email': supportAgents[i].email
          })
      ),
      // Set here rather than by hand: this resource replaces the whole settings list on every provision, so a
      // hand-added setting would vanish on the next push to main.
      empty(pagingRoutingKeySecretUri)
        ? {}
        : { Paging__RoutingKey: '@Microsoft.KeyVault(SecretUri=${pagingRoutingKeySecretUri})' },
      // Acknowledgement links (issue #15): the signing key is a secret, so only ever a Key Vault reference.
      empty(pagingSigningKeySecretUri)
        ? {}
        : { Paging__SigningKey: '@Microsoft.KeyVault(SecretUri=${pagingSigningKeySecretUri})' },
      // The key that encrypts webhook secrets at rest: a secret, so only ever a Key Vault reference.
      empty(webhookSecretKeySecretUri)
        ? {}
        : { Webhooks__SecretKey: '@Microsoft.KeyVault(SecretUri=${webhookSecretKeySecretUri})' }
    )
  }
}

module alerts 'modules/monitoring/alerts.bicep' = {
  scope: resourceGroup
  params: {
    namePrefix: 'ifp-${resourceToken}'
    location: location
    tags: tags
    operationsManagerEmail: operationsManagerEmail
    applicationInsightsResourceId: monitoring.outputs.applicationInsightsResourceId
    serviceBusNamespaceResourceId: serviceBus.outputs.resourceId
    functionAppHostName: functionApp.outputs.defaultHostName
  }
}

output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = resourceGroup.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_API_NAME string = functionApp.outputs.name
output SERVICE_API_URI string = 'https://${functionApp.outputs.defaultHostName}'
output AZURE_USER_ASSIGNED_IDENTITY_CLIENT_ID string = identity.outputs.clientId
output AZURE_USER_ASSIGNED_IDENTITY_PRINCIPAL_ID string = identity.outputs.principalId
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output SERVICEBUS_NAMESPACE string = serviceBus.outputs.name
output SERVICEBUS_FULLY_QUALIFIED_NAMESPACE string = serviceBus.outputs.fullyQualifiedNamespace
output EMAIL_ENDPOINT string = email.outputs.endpoint
output EMAIL_SENDER_ADDRESS string = email.outputs.senderAddress
output EMAIL_CUSTOM_DOMAIN_VERIFICATION_RECORDS resourceOutput<'Microsoft.Communication/emailServices/domains@2023-04-01'>.properties.verificationRecords = email.outputs.customDomainVerificationRecords
output APPLICATIONINSIGHTS_CONNECTION_STRING string = monitoring.outputs.applicationInsightsConnectionString
