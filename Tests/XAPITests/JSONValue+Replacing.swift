import AtelierKernel

extension JSONValue {
    /// This value with the member at `path` (object keys) set to `newValue`, or removed when it is `nil`;
    /// missing objects on the way are created.
    func replacing(_ path: [String], with newValue: JSONValue?) -> JSONValue {
        guard let key = path.first else { return newValue ?? .null }
        var object = objectValue ?? JSONObject()
        object[key] = path.count == 1 ? newValue : (object[key] ?? .object(JSONObject())).replacing(Array(path.dropFirst()), with: newValue)
        return .object(object)
    }
}
