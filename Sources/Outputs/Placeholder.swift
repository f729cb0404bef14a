// ' module placeholder
