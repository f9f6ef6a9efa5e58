metadata name = 'Service Bus namespace'
metadata description = 'A Standard namespace with Entra ID auth only, and the queues, topics and subscriptions given as data. Every entity dead-letters expired and poison messages and detects duplicates by message id.'

import { roleAssignmentType, tagsType } from '../types.bicep'

@export()
@description('A queue.')
type queueType = {
  @description('Required. Queue name.')
  name: string
}

@export()
@description('A subscription on a topic.')
type subscriptionType = {
  @description('Required. The topic it subscribes to (one of the topics).')
  topic: string

  @description('Required. Subscription name.')
  name: string
}

@description('Required. Name of the namespace.')
param name string

@description('Required. Azure region.')
param location string

@description('Optional. Tags for the resource.')
param tags tagsType?

@description('Optional. Queues to create.')
param queues queueType[] = []

@description('Optional. Topic names.')
param topics string[] = []

@description('Optional. Subscriptions, each naming its topic (a flat list, so one resource loop creates them all).')
param subscriptions subscriptionType[] = []

@description('Optional. Deliveries before a message goes to the dead-letter queue (handlers are idempotent, so retries are safe).')
@minValue(1)
param maxDeliveryCount int = 10

@description('Optional. How long Service Bus remembers message ids to drop duplicates (ISO 8601).')
param duplicateDetectionWindow string = 'PT10M'

@description('Required. Resource ID of the Log Analytics workspace that gets the namespace\'s logs and metrics.')
param logAnalyticsWorkspaceResourceId string

@description('Optional. Role assignments on this namespace.')
param roleAssignments roleAssignmentType[] = []

resource namespace 'Microsoft.ServiceBus/namespaces@2024-01-01' = {
  name: name
  location: location
  tags: tags
  sku: {
    name: 'Standard'
    tier: 'Standard'
  }
  properties: {
    disableLocalAuth: true
    minimumTlsVersion: '1.2'
    publicNetworkAccess: 'Enabled'
  }
}

resource queueResources 'Microsoft.ServiceBus/namespaces/queues@2024-01-01' = [
  for queue in queues: {
    parent: namespace
    name: queue.name
    properties: {
      maxDeliveryCount: maxDeliveryCount
      deadLetteringOnMessageExpiration: true
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
      lockDuration: 'PT1M'
    }
  }
]

resource topicResources 'Microsoft.ServiceBus/namespaces/topics@2024-01-01' = [
  for topic in topics: {
    parent: namespace
    name: topic
    properties: {
      requiresDuplicateDetection: true
      duplicateDetectionHistoryTimeWindow: duplicateDetectionWindow
    }
  }
]

resource subscriptionResources 'Microsoft.ServiceBus/namespaces/topics/subscriptions@2024-01-01' = [
  for subscription in subscriptions: {
    name: '${namespace.name}/${subscription.topic}/${subscription.name}'
    properties: {
      maxDeliveryCount: maxDeliveryCount
      deadLetteringOnMessageExpiration: true
      deadLetteringOnFilterEvaluationExceptions: true
      lockDuration: 'PT1M'
    }
    dependsOn: [
      topicResources
    ]
  }
]

// Operational and runtime logs plus every metric (DeadletteredMessages, ActiveMessages, ServerErrors, ThrottledRequests).
resource namespaceDiagnostics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  name: 'to-log-analytics'
  scope: namespace
  properties: {
    workspaceId: logAnalyticsWorkspaceResourceId
    logs: [
      {
        categoryGroup: 'allLogs'
        enabled: true
      }
    ]
    metrics: [
      {
        category: 'AllMetrics'
        enabled: true
      }
    ]
  }
}

resource namespaceRoleAssignments 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for assignment in roleAssignments: if (!empty(assignment.principalId)) {
    name: guid(namespace.id, assignment.principalId, assignment.roleDefinitionId)
    scope: namespace
    properties: {
      principalId: assignment.principalId
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', assignment.roleDefinitionId)
      principalType: assignment.?principalType
      // The role's documented name first, so the portal and the drift test both see which role was meant.
      description: '${assignment.roleName}: ${assignment.description}'
    }
  }
]

@description('The resource ID of the namespace.')
output resourceId string = namespace.id

@description('The name of the namespace.')
output name string = namespace.name

@description('The host name clients connect to, e.g. <name>.servicebus.windows.net (taken from the endpoint, so sovereign clouds work).')
output fullyQualifiedNamespace string = split(replace(namespace.properties.serviceBusEndpoint, 'https://', ''), ':')[0]
